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
}
