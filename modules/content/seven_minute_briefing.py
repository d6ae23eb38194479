"""Seven-minute briefing (Safer7) on the chronic neglect local learning review.

Review recommendation 6 (share the learning); all 12 learning points. The published
practitioner briefing does not describe the family, so neither does this module: the
"case in brief" gives only what the review itself states. "Safer7", PC&R, the MASH
trigger point, the named child advocate and the MARF are local to the partnership
and are labelled as such.
"""

MODULE = {
    "slug": "seven-minute-briefing",
    "title": "Seven-minute briefing: learning from this review",
    "summary": (
        "A Safer7 seven-minute briefing on the local learning review into a case of "
        "chronic neglect: what the review found, why it matters, and what to do "
        "differently. Read it alone or use it to lead a team discussion."
    ),
    "outcomes": [
        "summarise what the chronic neglect review found, in its 12 learning points",
        "explain why neglect has to be seen as a pattern over time, and what it "
        "means for a child's life chances",
        "name the changes the review asks of practitioners in your agency",
        "use the questions for your team to plan one change in practice",
    ],
    "estimated_minutes": 10,
    "cpd_minutes": 10,
    "refresher_months": 24,
    "recommendations": [6],
    "learning_points": list(range(1, 13)),
    "audiences": [
        "childrens_social_care",
        "early_help",
        "education",
        "primary_care",
        "acute_health",
        "community_health",
        "mental_health",
        "police",
        "adult_social_care",
        "mash",
        "housing",
        "probation",
        "voluntary_sector",
        "partnership",
    ],
    "steps": [
        (
            "narrative",
            {
                "title": "The case in brief",
                "name": "case-in-brief",
                "body": (
                    "<p>This is a Safer7, the partnership's local name for a "
                    "seven-minute briefing. Read it on your own, or use it in a team "
                    "meeting or supervision. It shares the learning from a local "
                    "learning review, <em>Learning from a case of chronic "
                    "neglect</em>, as the review itself asks (recommendation 6).</p>"
                    "<h3>How the review was done</h3>"
                    "<p>A child's case was referred for a Child Safeguarding Practice "
                    "Review, and a rapid review meeting was held. The partnership "
                    "then agreed to complete a local learning review, using what the "
                    "rapid review had found. Practitioners from several agencies took "
                    "part and helped to shape the learning.</p>"
                    "<h3>What it was about</h3>"
                    "<p>The review concerned a child who lived with chronic neglect. "
                    "To protect the family's privacy, the review's published briefing "
                    "does not describe them, and neither does this one. Its learning "
                    "covers themes including:</p>"
                    "<ul>"
                    "<li>concerns held by different agencies and seen one at a "
                    "time</li>"
                    "<li>repeated referrals to the MASH</li>"
                    "<li>a child staying in hospital longer than usual</li>"
                    "<li>parents with learning disabilities who need help to give "
                    "children their medicines</li>"
                    "<li>families with a history of neglect moving into the area</li>"
                    "<li>working differently during COVID-19</li>"
                    "</ul>"
                    "<p><strong>Who it is for:</strong> anyone who works with "
                    "children, young people and families, including adult services "
                    "where the people you support are parents or carers.</p>"
                ),
            },
        ),
        (
            "narrative",
            {
                "title": "What the review found",
                "name": "what-the-review-found",
                "body": (
                    "<p>The review made 12 learning points. The numbers below are the "
                    "review's own.</p>"
                    "<h3>Seeing neglect for what it is</h3>"
                    "<ul>"
                    "<li>Children's social care practitioners in particular need to "
                    "recognise chronic and cumulative neglect, understand the child's "
                    "daily life, and see how neglect affects their life chances "
                    "(1).</li>"
                    "<li>Historic concerns should be read together, as a chronology, "
                    "not as isolated incidents (2).</li>"
                    "<li>Practitioners need to recognise and act on disguised or "
                    "non-compliance, when parents seem to cooperate but little "
                    "changes (11).</li>"
                    "</ul>"
                    "<h3>Health and education working together</h3>"
                    "<ul>"
                    "<li>GPs with clear concerns should make their own referral, not "
                    "rely on other agencies (3).</li>"
                    "<li>GPs, schools and school nurses should share a child's health "
                    "needs and records, especially when health advice is not followed "
                    "or attendance is low (12).</li>"
                    "<li>When a child stays in hospital longer than usual, a "
                    "multi-agency meeting should ask whether parenting concerns or "
                    "finding a placement is the reason (4).</li>"
                    "</ul>"
                    "<h3>Challenging, not repeating</h3>"
                    "<ul>"
                    "<li>Don't send the same referral to the MASH again. Contact the "
                    "allocated social worker or use the Professional Challenge and "
                    "Resolution (PC&amp;R) process (8, 10).</li>"
                    "<li>The MASH should consider a trigger point, such as three "
                    "referrals in a row, to prompt a wider review (9).</li>"
                    "</ul>"
                    "<h3>Parents, children and exceptional times</h3>"
                    "<ul>"
                    "<li>Health should develop support for parents with learning "
                    "disabilities who struggle to work out and give medicines "
                    "(5).</li>"
                    "<li>Every child on a child in need or child protection plan "
                    "should have a named advocate linked to them or invited to their "
                    "meetings (6).</li>"
                    "<li>Agencies, especially schools and children's social care, "
                    "should look at how working differently, as in COVID-19, "
                    "affected children (7).</li>"
                    "</ul>"
                    "<p>PC&amp;R, the MASH trigger point and the named child advocate "
                    "are local arrangements, not national rules.</p>"
                ),
            },
        ),
        (
            "narrative",
            {
                "title": "Why it matters",
                "name": "why-it-matters",
                "body": (
                    "<p>Neglect is the most common reason children in England become "
                    "the subject of a child protection plan. It is also one of the "
                    "hardest kinds of harm to see, because it rarely arrives as a "
                    "single event.</p>"
                    "<p>For the child, neglect is not a series of incidents. It is "
                    "daily life: being hungry, tired, unwashed or in pain; missing "
                    "school and health checks; not being noticed or praised. The harm "
                    "builds over time. The longer it lasts, the more it shapes the "
                    "child's health, learning, relationships and future. This is what "
                    "the review means by life chances.</p>"
                    "<p>Reviews of neglect cases keep finding the same things:</p>"
                    "<ul>"
                    "<li>each agency holds part of the picture, and no one puts it "
                    "together</li>"
                    "<li>cases close and reopen, and each new worker starts again</li>"
                    "<li>attention moves to whether parents are engaging, not to what "
                    "has changed for the child</li>"
                    "<li>worried practitioners refer again and again, instead of "
                    "challenging the decision</li>"
                    "</ul>"
                    "<h3>What the partnership has committed to</h3>"
                    "<p>The review made six recommendations. All front-facing "
                    "practitioners should revisit the neglect strategy and GCP2 (1), "
                    "and know how to use the PC&amp;R process and attend its training "
                    "(5). Children's social care will review cases where families with "
                    "long histories of neglect have moved into the area and may have "
                    "become hidden from services (2), and will do more to support "
                    "parents with learning disabilities (4). Health and children's "
                    "social care will agree a clear, timely pathway for parents with "
                    "learning needs who need help with children's medicines (3). The "
                    "learning is to be shared across the partnership (6), and this "
                    "briefing is part of that.</p>"
                ),
            },
        ),
        (
            "key_learning",
            {
                "title": "What to do differently: see the whole child",
                "name": "see-the-whole-child",
                "body": (
                    "<ul>"
                    "<li><strong>Look for the pattern.</strong> Ask what the child's "
                    "day is like, and what has happened over months, not just this "
                    "week.</li>"
                    "<li><strong>Use a chronology.</strong> Add your agency's entries, "
                    "read everyone else's, and bring the chronology to every key "
                    "decision.</li>"
                    "<li><strong>Use GCP2.</strong> If you are trained, use it with "
                    "families where neglect is suspected, and repeat it to check "
                    "change. If you are not, find out who in your team is, and ask "
                    "about the partnership's training.</li>"
                    "<li><strong>Share health and attendance information.</strong> "
                    "GPs, schools and school nurses: talk to each other when a child "
                    "is not brought to appointments, health advice is not followed or "
                    "attendance is low.</li>"
                    "<li><strong>GPs: refer.</strong> If you have clear safeguarding "
                    "concerns, make your own referral (in this partnership, a MARF). "
                    "Don't assume someone else has.</li>"
                    "<li><strong>Ask about delays and disruption.</strong> Question "
                    "long hospital stays. Think about how working differently, as in "
                    "COVID-19, changed what you could see of a child.</li>"
                    "</ul>"
                ),
                "learning_points": [1, 2, 3, 4, 7, 12],
            },
        ),
        (
            "key_learning",
            {
                "title": "What to do differently: challenge, support and listen",
                "name": "challenge-support-listen",
                "body": (
                    "<ul>"
                    "<li><strong>Challenge, don't repeat.</strong> If you disagree "
                    "with a MASH decision, don't send the same referral again. Speak "
                    "to the allocated social worker, or use the partnership's PC&amp;R "
                    "process. Know where to find the latest version.</li>"
                    "<li><strong>Notice repeat referrals.</strong> MASH colleagues: a "
                    "run of referrals about the same child, such as three in a row, "
                    "should prompt a wider discussion. This is a local trigger "
                    "point.</li>"
                    "<li><strong>Judge progress by the child's experience.</strong> "
                    "Parents who seem to cooperate may still not be making change for "
                    "the child. Check what has changed, with the child and with other "
                    "agencies.</li>"
                    "<li><strong>Make support accessible.</strong> Parents with "
                    "learning disabilities may need practical help, such as clear "
                    "picture guides to medicines, not just instructions.</li>"
                    "<li><strong>Hear the child.</strong> Make sure children on plans "
                    "have a named advocate linked to them or invited to their "
                    "meetings. This is a local arrangement.</li>"
                    "</ul>"
                ),
                "learning_points": [5, 6, 8, 9, 10, 11],
            },
        ),
        (
            "knowledge_check",
            {
                "title": "Quick check",
                "name": "quick-check",
                "question": (
                    "You have referred a child to the MASH twice. Both referrals were "
                    "closed with no further action, and you are still worried. What "
                    "does the review say you should do?"
                ),
                "options": [
                    {
                        "label": "Send a third referral with more detail.",
                        "is_correct": False,
                        "feedback": (
                            "Not quite. The review found that repeated referrals did "
                            "not change things for the child. Share new information "
                            "by speaking to the social worker, and challenge the "
                            "decision if you disagree with it."
                        ),
                    },
                    {
                        "label": (
                            "Contact the allocated social worker, or use the "
                            "partnership's Professional Challenge and Resolution "
                            "process."
                        ),
                        "is_correct": True,
                        "feedback": (
                            "This is what learning points 8 and 10 ask for. "
                            "Challenge is a normal part of safe practice, not a "
                            "complaint."
                        ),
                    },
                    {
                        "label": "Wait until something more serious happens.",
                        "is_correct": False,
                        "feedback": (
                            "No. With neglect, waiting for a crisis lets the harm "
                            "build. The child lives with the concern every day."
                        ),
                    },
                    {
                        "label": "Ask another agency to make the referral instead.",
                        "is_correct": False,
                        "feedback": (
                            "No. Relying on other agencies is one of the things the "
                            "review warns against (learning point 3). Your concern is "
                            "yours to act on."
                        ),
                    },
                ],
                "explanation": (
                    "<p>PC&amp;R is the partnership's local process for resolving "
                    "professional disagreements. It usually starts with a "
                    "conversation between practitioners and moves up to managers if "
                    "that does not settle it. Record what you did and why. Check the "
                    "current procedure on the partnership's website for its stages "
                    "and timescales.</p>"
                    "<p>Challenge never replaces urgent action. If a child is at "
                    "immediate risk, contact the MASH straight away, or the police on "
                    "999.</p>"
                ),
            },
        ),
        (
            "reflection",
            {
                "title": "Questions for your team",
                "name": "questions-for-your-team",
                "prompt": (
                    "<p>Talk these through as a team, or think about them on your "
                    "own. Note your answers and one action.</p>"
                    "<ol>"
                    "<li>Think of a child you are worried about. Who else holds part "
                    "of their story, and when did you last share what you know?</li>"
                    "<li>Where neglect is a concern, does each child have an "
                    "up-to-date, multi-agency chronology? Who holds it?</li>"
                    "<li>Which of us are trained in GCP2? How do we use it with "
                    "families, and when do we repeat it?</li>"
                    "<li>When did one of us last challenge a decision about a child? "
                    "Do we all know how to use PC&amp;R?</li>"
                    "<li>How do we check that things have changed for the child, not "
                    "only that parents are coming to meetings?</li>"
                    "<li>What one thing will our team do differently after this "
                    "briefing?</li>"
                    "</ol>"
                ),
            },
        ),
    ],
    "quiz": {
        "settings": {
            "pass_mark": 80,
            "attempts_allowed": None,
            "draw_count": None,
            "shuffle_questions": False,
            "shuffle_options": True,
            "time_limit_minutes": None,
            "grading": "highest",
            "review_content": "full",
            "review_timing": "immediately",
        },
        "questions": [
            (
                "multiple",
                {
                    "question": (
                        "Which of these does the review ask practitioners to do? "
                        "Select all that apply."
                    ),
                    "options": [
                        {
                            "label": (
                                "Read historic concerns about a child together, as a "
                                "chronology, not as isolated incidents."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. This is learning point 2. Concerns that each "
                                "look minor can show chronic neglect when they are "
                                "read together."
                            ),
                        },
                        {
                            "label": (
                                "As a GP with clear safeguarding concerns, make your "
                                "own referral rather than relying on another agency."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. This is learning point 3. Don't assume that "
                                "someone else has referred."
                            ),
                        },
                        {
                            "label": (
                                "If you disagree with a MASH decision, speak to the "
                                "allocated social worker or use the partnership's "
                                "Professional Challenge and Resolution (PC&R) "
                                "process, rather than sending the same referral again."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. This reflects learning points 8 and 10. "
                                "PC&R is a local process, so check the partnership's "
                                "website for the latest version."
                            ),
                        },
                        {
                            "label": (
                                "Send a new referral each time a concern comes up "
                                "again, so that the MASH builds up a full record."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. The review found that repeated referrals did not "
                                "change things for the child. If you disagree with "
                                "the outcome, challenge it through the social worker "
                                "or PC&R."
                            ),
                        },
                        {
                            "label": (
                                "Leave referrals to the agency that knows the family "
                                "best."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. Every practitioner is responsible for acting on "
                                "their own concerns. Relying on others is one of the "
                                "things the review warns against."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Together, the review's learning points ask practitioners "
                        "to see the whole child over time, share what they know, and "
                        "challenge decisions they disagree with instead of repeating "
                        "referrals.</p>"
                        "<p>Challenge never replaces urgent action. If a child is at "
                        "immediate risk, contact the MASH straight away, or the police "
                        "on 999.</p>"
                    ),
                },
            ),
            (
                "true_false",
                {
                    "statement": (
                        "The MASH “trigger point” of three referrals in a row, which "
                        "prompts a wider look at a child's case, is a national rule "
                        "set out in Working Together to Safeguard Children."
                    ),
                    "answer": "false",
                    "feedback_true": (
                        "No. The trigger point is a local recommendation from this "
                        "review (learning point 9), not a national rule."
                    ),
                    "feedback_false": (
                        "Right. It is a local recommendation from this review, for "
                        "the partnership's MASH. Other areas may do things "
                        "differently."
                    ),
                    "explanation": (
                        "<p>The review asks the MASH to consider a trigger point, such "
                        "as three referrals in succession, so that a run of referrals "
                        "about the same child prompts a wider discussion or review. "
                        "Like PC&amp;R, Safer7 and the named child advocate, it is a "
                        "local arrangement. Ask your manager, or check the "
                        "partnership's website, to find out how it works in "
                        "practice.</p>"
                    ),
                },
            ),
            (
                "scenario",
                {
                    "vignette": (
                        "<p>Lacey Morgan has a learning disability. Her son, Riley, is "
                        "4. He has a long-term condition and takes a liquid medicine "
                        "twice a day. His dose has been changed twice as he has "
                        "grown.</p>"
                        "<p>The pharmacist notices that Lacey collects the medicine "
                        "less often than expected. When asked, Lacey says she “gets "
                        "muddled” with the measuring syringe and the new amounts.</p>"
                    ),
                    "question": "Which response best reflects the review's learning?",
                    "answer_type": "single",
                    "options": [
                        {
                            "label": (
                                "Work with Lacey on what would help, such as a picture "
                                "chart, a simple way to measure the right dose and "
                                "regular checks from a nurse or pharmacist, and tell "
                                "Riley's GP."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. This adjusts the support so that Lacey can "
                                "give Riley his medicine safely, and makes sure the "
                                "health professionals responsible for Riley know. "
                                "Riley's health stays at the centre."
                            ),
                        },
                        {
                            "label": (
                                "Give Lacey the printed dosing instructions again and "
                                "ask her to sign to say she understands them."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. Lacey has already said she finds the amounts "
                                "confusing. Signing a form does not mean she can "
                                "follow the instructions, and Riley could still get "
                                "the wrong dose."
                            ),
                        },
                        {
                            "label": (
                                "Treat the late collections as a sign that Lacey is "
                                "choosing not to give Riley his medicine."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Not quite. Lacey has told you what is hard for her. "
                                "Before deciding that she is choosing not to follow "
                                "advice, check whether she has had help that she can "
                                "use."
                            ),
                        },
                        {
                            "label": (
                                "Decide that Lacey cannot safely care for Riley "
                                "because she has a learning disability."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. A learning disability does not on its own mean a "
                                "parent cannot care safely for a child. Many parents "
                                "do well with the right support, which may be needed "
                                "over the long term."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Learning point 5 asks health professionals to develop "
                        "support for parents with learning disabilities who struggle "
                        "to work out and give their children's medicines. Services "
                        "should explain things clearly and make reasonable "
                        "adjustments, working with adult services where they are "
                        "involved.</p>"
                        "<p>Keep checking that Riley gets what he needs. If his health "
                        "is being harmed, or the support is not working, discuss a "
                        "referral with your safeguarding lead.</p>"
                    ),
                },
            ),
            (
                "scenario",
                {
                    "vignette": (
                        "<p>Tola Adeyemi is 10. He has been on a child in need plan "
                        "for three months. His parents, Bisi and Femi, come to every "
                        "meeting and agree with every action. The home has been tidy "
                        "at each visit, and every visit was announced.</p>"
                        "<p>Tola's school says he still often arrives hungry. His "
                        "dental treatment has been rebooked three times. His teacher "
                        "says he seems flat and withdrawn.</p>"
                    ),
                    "question": "What is the most useful next step?",
                    "answer_type": "single",
                    "options": [
                        {
                            "label": (
                                "Find out what has changed for Tola: see him on his "
                                "own, ask the school and health services what they "
                                "see, and consider an unannounced visit."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. This checks what the parents say against "
                                "other evidence, and keeps the focus on Tola's daily "
                                "life. It is what learning point 11 asks for."
                            ),
                        },
                        {
                            "label": (
                                "Close the plan, because Bisi and Femi are "
                                "cooperating fully."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. Cooperating with meetings is not the same as "
                                "change for Tola. He is still hungry, his teeth are "
                                "untreated and he seems low."
                            ),
                        },
                        {
                            "label": (
                                "Tell Bisi and Femi that they are showing disguised "
                                "compliance."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Not helpful. A label does not explain what is "
                                "happening or what needs to change. Describe what you "
                                "see and its impact on Tola, and explore the reasons "
                                "with his parents."
                            ),
                        },
                        {
                            "label": (
                                "Keep the plan open for another three months without "
                                "changes."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Not enough. Keeping the plan open keeps Tola in view, "
                                "but carrying on unchanged is a form of drift. The "
                                "plan needs clear outcomes and dates."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Some parents seem to cooperate while little changes for "
                        "the child. This can be deliberate, but it can also come from "
                        "fear, shame, low confidence or not understanding what is "
                        "being asked. Either way, stay curious: check what parents say "
                        "against what others see, see the child, and judge progress by "
                        "the child's experience, not the adults' engagement.</p>"
                    ),
                },
            ),
            (
                "single",
                {
                    "question": (
                        "Learning point 7 asks agencies to look at how working "
                        "differently, as during COVID-19, affected children. Why does "
                        "this matter for neglect?"
                    ),
                    "options": [
                        {
                            "label": (
                                "Neglect often shows in a child's home, appearance and "
                                "daily routine. Phone and video contact, and fewer "
                                "children in school, made these harder to see."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. Recognising neglect relies on seeing the "
                                "child and their home. When contact moved online and "
                                "fewer children were in school, fewer people saw the "
                                "signs."
                            ),
                        },
                        {
                            "label": (
                                "Safeguarding duties were suspended during the "
                                "pandemic, so some cases were not followed up."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. The duties to safeguard children stayed in place "
                                "throughout. Some requirements were relaxed for a "
                                "time, but children's welfare remained the priority."
                            ),
                        },
                        {
                            "label": (
                                "Schools were closed to every child, so teachers had "
                                "no contact with any pupils."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. Schools stayed open for vulnerable children, "
                                "including those with a social worker. But many did "
                                "not attend, so fewer professionals saw them in "
                                "person."
                            ),
                        },
                        {
                            "label": (
                                "Video visits give the same picture of a child's care "
                                "as visits in person."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. A video call shows only what the family chooses "
                                "to show. It can hide the state of the home, the food "
                                "available and how adults and children get on."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Working differently can be necessary in exceptional times. "
                        "The learning is to notice what you cannot see. Record why "
                        "contact was remote, see the child and their home in person "
                        "when the risk calls for it, and check with the school and "
                        "health services. Less contact with professionals can itself "
                        "add to cumulative risk.</p>"
                    ),
                },
            ),
            (
                "single",
                {
                    "question": (
                        "A child has stayed in hospital much longer than usual. "
                        "According to the review, what should a multi-agency meeting "
                        "look at?"
                    ),
                    "options": [
                        {
                            "label": (
                                "Whether the delay is because of concerns about "
                                "parenting, or because a placement is needed as the "
                                "child cannot go home"
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. This is learning point 4. A long stay can be "
                                "a sign of concerns about the care the child would go "
                                "home to."
                            ),
                        },
                        {
                            "label": (
                                "Only whether the child is medically fit to be "
                                "discharged"
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. Medical fitness matters, but the review asks "
                                "agencies to look beyond it, at why the child is "
                                "still in hospital."
                            ),
                        },
                        {
                            "label": (
                                "Whether the family has complained about the length "
                                "of the stay"
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. The review's focus is the child's needs and the "
                                "reason for the delay, not complaints."
                            ),
                        },
                        {
                            "label": (
                                "Nothing, because a hospital stay is a matter for the "
                                "hospital alone"
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. The review asks professionals from several "
                                "agencies to review these cases together, because no "
                                "single agency holds the whole picture."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Useful questions include who is visiting the child, what "
                        "discharge planning is in place, whether the family can "
                        "manage the child's care and medicines at home, and whether "
                        "the hospital's safeguarding team and the GP are talking to "
                        "each other. Bring the child's chronology to the meeting.</p>"
                    ),
                },
            ),
        ],
    },
}
