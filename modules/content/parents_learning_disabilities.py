"""Supporting parents with learning disabilities: medication and health needs.

Review recommendations 3 (a clear pathway, with timescales, for parents with
learning needs who struggle to calculate and give their children's medicines) and
4 (parenting support for parents with learning disabilities), and learning point 5.

The Price family is fictional. The pathway and its timescales are an example of
good practice, not the partnership's published pathway, and the text says so. The
language describes what Nicola does and needs, not labels, and puts the onus on
services to explain well and adjust.
"""

MODULE = {
    "slug": "parents-with-learning-disabilities",
    "title": "Supporting parents with learning disabilities: medication and health needs",
    "summary": (
        "Nicola Price loves her son Josh, but she struggles to follow his asthma "
        "medicines and he ends up in hospital. Learn how to check understanding, make "
        "reasonable adjustments and join up adult and children's services, while "
        "keeping Josh's needs first."
    ),
    "outcomes": [
        "check a parent's understanding of a child's medicines using teach-back",
        "make reasonable adjustments, such as pictorial dosing charts and marked oral "
        "syringes",
        "plan joint support across adult and children's services, with clear "
        "timescales",
        "tailor parenting support to the way a parent learns",
        "recognise when support is not enough and the child's needs must come first",
    ],
    "estimated_minutes": 30,
    "cpd_minutes": 30,
    "refresher_months": 36,
    "recommendations": [3, 4],
    "learning_points": [5],
    "audiences": [
        "acute_health",
        "primary_care",
        "community_health",
        "childrens_social_care",
        "adult_social_care",
        "early_help",
        "mental_health",
        "voluntary_sector",
    ],
    "steps": [
        # 1
        (
            "narrative",
            {
                "name": "family",
                "title": "Nicola, Josh and Pat",
                "body": (
                    "<p>Nicola Price is 24. She lives in a one-bedroom flat in the "
                    "town with her son, Josh, who is 3. Nicola has a mild learning "
                    "disability. She reads short, familiar words, and finds numbers, "
                    "times and new information hard to hold on to, especially when "
                    "she feels rushed. She had extra support at school, but has never "
                    "had help from adult services.</p>"
                    "<p>Nicola's mum, Pat, lives two bus rides away. She helps with "
                    "letters and bills once a week, and has Josh on Saturdays.</p>"
                    "<p>Josh is a happy, chatty boy who goes to playgroup three "
                    "mornings a week. He is clean and well fed, and Nicola keeps a good "
                    "routine for meals, bath and bed. The health visitor has seen how "
                    "warm and playful she is with him.</p>"
                    "<p>In the spring, Josh was diagnosed with asthma. He was "
                    "prescribed:</p>"
                    "<ul>"
                    "<li>a brown <strong>preventer</strong> inhaler, two puffs morning "
                    "and evening, every day, even when he seems well</li>"
                    "<li>a blue <strong>reliever</strong> inhaler, for when he is "
                    "wheezy or coughing</li>"
                    "<li>a <strong>spacer</strong> with a mask, to use with both</li>"
                    "</ul>"
                    "<p>Nicola was shown all this once, in a ten-minute appointment. "
                    "She nodded and said she understood. Later she told Pat she had "
                    "not liked to ask questions: “People talk to me like I'm "
                    "thick.”</p>"
                ),
            },
        ),
        # 2
        (
            "chronology",
            {
                "name": "chronology",
                "title": "Josh's asthma over six months",
                "instructions": (
                    "<p>These entries come from the services that know Josh. Select "
                    "the entries that together show that Josh is not getting his "
                    "asthma medicines as prescribed.</p>"
                    "<p>As you read, think about what each entry might mean for "
                    "Nicola, as well as for Josh.</p>"
                ),
                "entries": [
                    {
                        "date": "2025-04-10",
                        "agency": "GP practice",
                        "event": (
                            "Josh diagnosed with asthma. Brown preventer and blue "
                            "reliever inhalers prescribed, with a spacer. Inhaler "
                            "technique shown to Nicola during the appointment."
                        ),
                        "recorded_by": "GP",
                        "part_of_pattern": False,
                    },
                    {
                        "date": "2025-05-22",
                        "agency": "Health visiting",
                        "event": (
                            "Home visit. Josh's development is on track. Warm, playful "
                            "relationship with Nicola. Flat clean and safe."
                        ),
                        "recorded_by": "Health visitor",
                        "part_of_pattern": False,
                    },
                    {
                        "date": "2025-06-19",
                        "agency": "GP practice",
                        "event": (
                            "Josh not brought to his asthma review with the practice "
                            "nurse. Nicola says she did not get the letter."
                        ),
                        "recorded_by": "Practice nurse",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2025-07-15",
                        "agency": "Community pharmacy",
                        "event": (
                            "The brown preventer has not been reordered since April. "
                            "The blue reliever has been reordered three times."
                        ),
                        "recorded_by": "Pharmacist",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2025-08-04",
                        "agency": "Emergency department",
                        "event": (
                            "Josh brought in wheezing at night. Treated and sent home "
                            "with a written plan for the blue inhaler, reducing over "
                            "a few days, and a three-day course of steroid liquid."
                        ),
                        "recorded_by": "Emergency department nurse",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2025-09-08",
                        "agency": "Playgroup",
                        "event": (
                            "Josh breathless after running outside. No inhaler in his "
                            "bag. Nicola says, “He's better now, so he doesn't need "
                            "it.”"
                        ),
                        "recorded_by": "Playgroup leader",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2025-09-18",
                        "agency": "GP practice",
                        "event": "Josh not brought to his rebooked asthma review.",
                        "recorded_by": "Practice nurse",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2025-10-02",
                        "agency": "Children's ward",
                        "event": (
                            "Josh admitted with a severe asthma attack. He stays three "
                            "nights. Nicola stays with him throughout."
                        ),
                        "recorded_by": "Ward nurse",
                        "part_of_pattern": True,
                    },
                ],
                "explanation": (
                    "<p>Each entry alone has a simple explanation: a lost letter, a "
                    "busy week, a child who seemed better. Together they show that "
                    "Josh has had no preventer for about six months, and that his "
                    "asthma has become harder to control. The emergency visit and the "
                    "hospital stay are the result.</p>"
                    "<p>They also tell you something about Nicola. She reorders the "
                    "blue inhaler, because she can see it helps. She gets Josh help "
                    "when he is ill. What she seems not to have understood is why a "
                    "medicine is needed every day when Josh seems well. That is a gap "
                    "in understanding that services can close, not a lack of care. "
                    "But Josh has been harmed, whatever the reason, and the gap needs "
                    "closing quickly.</p>"
                    "<p>The health visitor's entry is a strength. Warmth and good "
                    "everyday care are a foundation to build on.</p>"
                ),
            },
        ),
        # 3
        (
            "decision",
            {
                "name": "discharge",
                "title": "Getting ready to go home",
                "situation": (
                    "<p>You are a nurse on the children's ward. Josh is well enough to "
                    "go home tomorrow. He will need:</p>"
                    "<ul>"
                    "<li>his brown preventer, now at a higher dose, twice a day</li>"
                    "<li>his blue reliever, on a plan that reduces over the next few "
                    "days</li>"
                    "<li>two more days of steroid liquid, once a day, measured with an "
                    "oral syringe</li>"
                    "</ul>"
                    "<p>Nicola has stayed with Josh every night and comforts him well. "
                    "When the doctor explained the plan, she said “yes” to everything "
                    "but asked no questions. She put the discharge letter in her bag "
                    "without reading it. Yesterday she gave Josh his steroid with a "
                    "teaspoon, saying “that's how I did it last time”. When you asked "
                    "her to show you the inhaler, she put it straight into Josh's "
                    "mouth, without the spacer.</p>"
                    "<p>Nicola mentions that she “had special help” at school.</p>"
                ),
                "question": "What do you do before Josh goes home?",
                "options": [
                    {
                        "label": (
                            "Go through the discharge letter slowly with Nicola, then "
                            "ask whether she understands and has any questions."
                        ),
                        "feedback": (
                            "<p>Slowing down helps, but “Do you understand?” invites "
                            "a yes, especially from someone who is used to being "
                            "talked down to. Nicola has already said yes to "
                            "everything. You would have no evidence that she can give "
                            "three different medicines correctly at home, and Josh "
                            "could be back on the ward within days.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Ask Nicola to show you how she will give each medicine, "
                            "change how you explain until she can, and arrange "
                            "follow-up support before Josh goes home."
                        ),
                        "feedback": (
                            "<p>This is teach-back: Nicola shows or tells you in her "
                            "own words, and if she cannot yet, you explain it "
                            "differently and check again. It tests understanding "
                            "instead of assuming it. Asking how she likes to learn, "
                            "taking one medicine at a time, using pictures, and "
                            "involving Pat if Nicola wants that are all reasonable "
                            "adjustments.</p>"
                            "<p>Talk to the hospital safeguarding team too. Six months "
                            "without a preventer led to this admission, and the family "
                            "may need more help than health services alone can give. "
                            "A referral for support, explained honestly to Nicola, "
                            "and a call to the GP and health visitor mean Josh goes "
                            "home to medicines his mum can give safely, with people "
                            "ready to help.</p>"
                        ),
                        "rating": "stronger",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Keep Josh on the ward until children's social care has "
                            "assessed whether Nicola can care for him."
                        ),
                        "feedback": (
                            "<p>A learning disability is not, on its own, a reason to "
                            "doubt that a parent can care for their child. Keeping "
                            "Josh in hospital once he is medically fit is not good for "
                            "him, and it tells Nicola she is not trusted before anyone "
                            "has tried to help her. If you are worried about Josh's "
                            "safety, talk to the hospital safeguarding team. A "
                            "referral is not a reason to delay discharge. What is "
                            "needed first is to find out what Nicola understands, and "
                            "to change how the plan is explained.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Explain the plan to Pat instead, and ask her to take "
                            "charge of Josh's medicines."
                        ),
                        "feedback": (
                            "<p>Pat can be a real help, if Nicola wants her involved. "
                            "But Nicola is Josh's parent and gives his medicines every "
                            "day; Pat sees him once a week. Going round Nicola "
                            "undermines her confidence and leaves the gap in her "
                            "understanding where it was. Involve Pat alongside "
                            "Nicola, with Nicola's agreement, not instead of her.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                ],
            },
        ),
        # 4
        (
            "narrative",
            {
                "name": "teach-back",
                "title": "Teach-back and reasonable adjustments",
                "body": (
                    "<p>Before Josh goes home, the nurse asks Nicola how she likes to "
                    "learn new things. “Show me, then let me do it,” Nicola says. So "
                    "they practise, one medicine at a time, until Nicola can show each "
                    "one without help.</p>"
                    "<p><strong>Teach-back</strong> means asking someone to show or "
                    "explain, in their own words, what they will do. For example: "
                    "“Show me how you'll give Josh his brown inhaler tonight.” If they "
                    "cannot, it is the explanation that needs to change. Check again "
                    "at the next contact, and whenever a medicine or dose "
                    "changes.</p>"
                    "<p>The Equality Act 2010 requires services to make "
                    "<strong>reasonable adjustments</strong> so that disabled people "
                    "are not put at a disadvantage. For Nicola, these included:</p>"
                    "<ul>"
                    "<li>a <strong>pictorial, colour-coded chart</strong>: a brown "
                    "circle with a sun and a moon for the preventer, a blue circle "
                    "with a picture of Josh coughing for the reliever, and a tick box "
                    "for each dose</li>"
                    "<li><strong>oral syringes</strong> from the pharmacist, with the "
                    "dose line marked in coloured tape that matches a sticker on the "
                    "bottle, so no more teaspoons</li>"
                    "<li>an <strong>easy-read asthma plan</strong> with photos of "
                    "Josh's own inhalers</li>"
                    "<li>phone alarms with a picture for each dose</li>"
                    "<li>longer appointments with the same nurse, and text reminders "
                    "to Nicola and, with her agreement, to Pat</li>"
                    "<li>a <strong>pharmacy</strong> check at each collection, and a "
                    "reminder when the preventer is due</li>"
                    "</ul>"
                    "<p>None of these lowers what Josh needs. They make it possible "
                    "for Nicola to meet those needs.</p>"
                ),
            },
        ),
        # 5
        (
            "decision",
            {
                "name": "joint-working",
                "title": "Who needs to be round the table?",
                "situation": (
                    "<p>You are a children's social worker. With Nicola's agreement, "
                    "the hospital referred the family for an assessment of Josh's "
                    "needs. You have met Nicola twice. She is anxious that Josh will "
                    "be taken from her. She says the chart helps, but she gets muddled "
                    "when Josh's medicines change.</p>"
                    "<p>Nicola has never had an assessment from adult services, and "
                    "she has no advocate. The health visitor wants to help but has "
                    "limited time. Pat would like to do more but has health problems "
                    "of her own.</p>"
                ),
                "question": "How do you plan the support?",
                "options": [
                    {
                        "label": (
                            "Complete the children's assessment yourself. If Josh is "
                            "well at the end of it, close the case."
                        ),
                        "feedback": (
                            "<p>A few well weeks after a hospital stay do not show "
                            "that the gap in understanding has closed. Nicola's own "
                            "needs are not assessed, so support may stop as soon as "
                            "the case closes. Working in separate silos is how "
                            "families end up back in crisis, and how a child's health "
                            "suffers again.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Hold a joint planning meeting with Nicola, an advocate, "
                            "Pat, adult learning disability services, the health "
                            "visitor, the asthma nurse and the pharmacist. Agree one "
                            "easy-read plan with a lead professional and review dates."
                        ),
                        "feedback": (
                            "<p>This is “think family” in practice. Adult learning "
                            "disability services can advise on how Nicola learns "
                            "best, and adult social care can assess her own needs "
                            "under the Care Act 2014, taking account of her role as a "
                            "parent. An independent advocate helps Nicola take part "
                            "fully and say what she needs. One plan, in easy read, "
                            "with named people and dates, means nobody assumes "
                            "someone else is doing it. Josh gets consistent help with "
                            "his medicines, and Nicola gets support as a parent in "
                            "her own right.</p>"
                        ),
                        "rating": "stronger",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Arrange a parenting programme for Nicola, and ask the "
                            "provider to adapt it to the way she learns."
                        ),
                        "feedback": (
                            "<p>Adapted parenting support is exactly what the review "
                            "asks for, and Nicola may welcome it. But on its own it "
                            "does not deal with Josh's medicines, and it leaves health "
                            "and adult services out of the picture. Make it one part "
                            "of a joint plan, not the whole of it.</p>"
                        ),
                        "rating": "acceptable",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Ask Pat to stay with Nicola for a few weeks to make sure "
                            "Josh gets his medicines."
                        ),
                        "feedback": (
                            "<p>Family help is valuable, but this plan rests on one "
                            "person with health problems of her own, for a few weeks "
                            "only. It does not build Nicola's skills or confidence, "
                            "and it will not help when Josh's medicines next change. "
                            "Pat's help works best as part of a wider plan that "
                            "Nicola and Pat have both agreed to.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                ],
            },
        ),
        # 6
        (
            "narrative",
            {
                "name": "pathway",
                "title": "A clear pathway, with timescales",
                "body": (
                    "<p>The review found that parents with learning needs who struggle "
                    "with their children's medicines need a clear route to help, from "
                    "health and children's social care together, and help that comes "
                    "in time. The partnership is developing this pathway. Check your "
                    "local procedures for the current version. This is an example of "
                    "what good looks like:</p>"
                    "<ol>"
                    "<li><strong>Notice.</strong> Uncollected prescriptions, repeated "
                    "emergency visits or missed reviews are signs that a parent may be "
                    "struggling. Ask about it, kindly and directly.</li>"
                    "<li><strong>Check understanding on the day.</strong> Use "
                    "teach-back before a new or changed medicine is started at "
                    "home.</li>"
                    "<li><strong>Adjust within days.</strong> Put the chart, marked "
                    "syringes, pharmacy support and easy-read information in place "
                    "within a few working days, not weeks.</li>"
                    "<li><strong>Share and plan together.</strong> With the parent's "
                    "agreement, tell the GP and the health visitor or school nurse, and "
                    "offer referrals to adult learning disability services and an "
                    "advocate. Hold a joint planning meeting within two weeks.</li>"
                    "<li><strong>Review.</strong> Use teach-back at every contact and "
                    "review the plan at set points, such as four and twelve weeks. "
                    "Review sooner after any missed appointment, uncollected "
                    "prescription or emergency visit.</li>"
                    "</ol>"
                    "<p><strong>Parenting support should fit the way the parent "
                    "learns.</strong> It works best when it is practical and at home, "
                    "in short sessions, with repetition, pictures and modelling. It "
                    "should build the parent's skills and confidence rather than do "
                    "things for them. Many parents need support over the long term, "
                    "not a course that simply ends.</p>"
                ),
            },
        ),
        # 7
        (
            "decision",
            {
                "name": "support-not-enough",
                "title": "Three months on",
                "situation": (
                    "<p>For two months there is real progress. Nicola uses the chart "
                    "every day, can show the nurse how to give each medicine, and "
                    "reorders the preventer when the text reminder comes. Josh has no "
                    "emergency visits.</p>"
                    "<p>Then things change. Pat goes into hospital for an operation. "
                    "Nicola's phone breaks, so the alarms and reminders stop. Josh gets "
                    "a cold, and the GP changes his preventer dose. Over three weeks "
                    "Josh is not brought to his asthma review, his new prescription is "
                    "not collected, and he is taken to the emergency department twice "
                    "with wheezing.</p>"
                    "<p>Nicola is exhausted and tearful. “I'm trying so hard. I just "
                    "get it wrong when it changes.”</p>"
                ),
                "question": (
                    "The lead professional calls an early review. What should it "
                    "decide?"
                ),
                "options": [
                    {
                        "label": (
                            "Carry on as before. Nicola is trying hard, and this is "
                            "not her fault."
                        ),
                        "feedback": (
                            "<p>Nicola is trying hard, and this is not about blame. "
                            "But Josh has needed emergency care twice in three weeks. "
                            "Neglect is about whether a child's needs are met, not "
                            "whether a parent means to fail them. Carrying on "
                            "unchanged leaves Josh carrying the risk of a plan that "
                            "has stopped working.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Step up support at once, such as daily medicine prompts "
                            "and a home visit whenever a dose changes, and ask "
                            "children's social care to review whether Josh's needs "
                            "are being met safely."
                        ),
                        "feedback": (
                            "<p>This responds to what has changed: Nicola's support "
                            "fell away and the medicines got more complicated. "
                            "Stepping up practical help is fair to Nicola and "
                            "protects Josh now. It is also right to ask honestly "
                            "whether support is enough. If, even with adjustments, "
                            "Josh's needs are not reliably met, his safety must come "
                            "first, and child protection procedures may be needed. Be "
                            "open with Nicola about this, and make sure her advocate "
                            "is involved.</p>"
                        ),
                        "rating": "stronger",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Ask the GP to keep Josh's medicines as simple as "
                            "possible, and redo the chart with Nicola."
                        ),
                        "feedback": (
                            "<p>Sensible and worth doing: fewer changes and an "
                            "up-to-date chart make mistakes less likely. But it does "
                            "not replace the support Nicola lost, and it does not ask "
                            "whether Josh is now safe. Two emergency visits in three "
                            "weeks need a fuller response.</p>"
                        ),
                        "rating": "acceptable",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Conclude that Nicola cannot manage Josh's asthma, and "
                            "ask for Josh to live with someone else."
                        ),
                        "feedback": (
                            "<p>The plan worked for two months while support was in "
                            "place. Problems came back when that support fell away "
                            "and the medicines changed. That points to a need for "
                            "more, and more flexible, support, not to a conclusion "
                            "that Nicola cannot parent. Decisions about where a child "
                            "lives need a full assessment that takes account of the "
                            "support a parent could have.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                ],
            },
        ),
        # 8
        (
            "knowledge_check",
            {
                "name": "check-understanding",
                "title": "Checking understanding",
                "question": (
                    "What is the best way to check that a parent understands how to "
                    "give their child a new medicine?"
                ),
                "options": [
                    {
                        "label": "Ask, “Do you understand how to give this?”",
                        "is_correct": False,
                        "feedback": (
                            "Most people answer yes to this question, whether or not "
                            "they understand."
                        ),
                    },
                    {
                        "label": "Give them a detailed leaflet to read at home.",
                        "is_correct": False,
                        "feedback": (
                            "Written information helps some people, but it may not be "
                            "accessible, and it does not show what the parent has "
                            "understood."
                        ),
                    },
                    {
                        "label": (
                            "Ask them to show you, or tell you in their own words, "
                            "how they will give it."
                        ),
                        "is_correct": True,
                        "feedback": (
                            "This is teach-back. It shows what the parent "
                            "understands, and whether you need to explain it "
                            "differently."
                        ),
                    },
                    {
                        "label": "Ask a relative to confirm that the parent understands.",
                        "is_correct": False,
                        "feedback": (
                            "Involving family can help, with the parent's agreement, "
                            "but it does not tell you what the parent understands."
                        ),
                    },
                ],
                "explanation": (
                    "<p>Teach-back puts the responsibility on the professional to "
                    "explain clearly. Use it at every contact, and especially whenever "
                    "a medicine or dose changes.</p>"
                ),
            },
        ),
        # 9
        (
            "reflection",
            {
                "name": "reflect",
                "title": "Your own practice",
                "prompt": (
                    "<p>Think about a parent you have worked with who may have had a "
                    "learning disability or learning needs, whether or not it was "
                    "diagnosed. Do not include names or details that could identify "
                    "anyone.</p>"
                    "<ul>"
                    "<li>How did you find out what they understood? Did you ask “Do "
                    "you understand?”, or did you ask them to show you?</li>"
                    "<li>What reasonable adjustments did you make, or could you have "
                    "made?</li>"
                    "<li>Who in adult services could have helped? Were they "
                    "involved?</li>"
                    "<li>How did you keep the child's needs at the centre while "
                    "supporting the parent?</li>"
                    "<li>What is one thing you will do differently?</li>"
                    "</ul>"
                ),
            },
        ),
        # 10
        (
            "key_learning",
            {
                "name": "key-learning",
                "title": "Key learning",
                "body": (
                    "<ul>"
                    "<li><strong>A learning disability is not, on its own, evidence "
                    "that a parent cannot care for a child.</strong> With the right "
                    "support, many parents care well.</li>"
                    "<li><strong>Check understanding with teach-back</strong>, at "
                    "every contact and whenever a medicine changes. “Do you "
                    "understand?” is not a check.</li>"
                    "<li><strong>Make reasonable adjustments</strong>: pictorial, "
                    "colour-coded charts, marked oral syringes, easy-read plans, "
                    "reminders, more time and the same worker.</li>"
                    "<li><strong>Work jointly</strong> across adult and children's "
                    "services, with the GP, pharmacy and health visitor, and offer an "
                    "advocate. Agree one plan, with a lead professional and "
                    "timescales.</li>"
                    "<li><strong>Tailor parenting support</strong> to the way the "
                    "parent learns, and expect that some parents will need support "
                    "over the long term.</li>"
                    "<li><strong>Keep the child at the centre.</strong> Neglect can "
                    "happen without intent. If, even with support, a child's needs "
                    "are not being met, their needs come first.</li>"
                    "</ul>"
                ),
                "learning_points": [5],
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
            # 1
            (
                "true_false",
                {
                    "statement": (
                        "A parent's learning disability is, on its own, evidence that "
                        "they cannot care safely for their child."
                    ),
                    "answer": "false",
                    "feedback_true": (
                        "Not so. A learning disability on its own tells you nothing "
                        "about the care a child receives. With the right support, "
                        "many parents with learning disabilities care well for their "
                        "children."
                    ),
                    "feedback_false": (
                        "Right. Look at the care the child actually receives, and at "
                        "the support the parent has or could have."
                    ),
                    "explanation": (
                        "<p>Assess what the child needs, and the parent's strengths "
                        "and support needs, rather than starting from a diagnosis. "
                        "Many parents need support over the long term, especially "
                        "when other pressures are present.</p>"
                    ),
                },
            ),
            # 2
            (
                "single",
                {
                    "question": (
                        "You use teach-back after explaining a new medicine to a "
                        "parent. The parent cannot yet show you how to give it. What "
                        "should you do next?"
                    ),
                    "options": [
                        {
                            "label": (
                                "Explain it in a different way, for example by showing "
                                "them and then letting them try, and check again."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. If teach-back shows a gap, it is the "
                                "explanation that needs to change. Keep adjusting "
                                "until the parent can show you."
                            ),
                        },
                        {
                            "label": (
                                "Record that the parent does not understand, and refer "
                                "the family to children's social care."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "A gap after one explanation is not, on its own, a "
                                "safeguarding concern. Change how you explain first. "
                                "Refer if you are worried about the child's safety."
                            ),
                        },
                        {
                            "label": (
                                "Give them the leaflet, and ask them to read it "
                                "carefully at home."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Written information may not be accessible to the "
                                "parent, and you would still not know what they have "
                                "understood."
                            ),
                        },
                        {
                            "label": (
                                "Ask whether they understand, and move on if they say "
                                "yes."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "“Do you understand?” tends to get a yes, whether or "
                                "not the person does. It is not a check."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Teach-back means asking someone to show or tell you, in "
                        "their own words, what they will do. It puts the "
                        "responsibility on the professional to explain clearly. Use "
                        "it at every contact, and whenever a medicine or dose "
                        "changes.</p>"
                    ),
                },
            ),
            # 3
            (
                "multiple",
                {
                    "question": (
                        "A parent with a learning disability finds numbers and new "
                        "information hard to hold on to. Which of these are "
                        "reasonable adjustments that could help them give their "
                        "child's medicine correctly? Select all that apply."
                    ),
                    "options": [
                        {
                            "label": (
                                "A pictorial, colour-coded chart with a tick box for "
                                "each dose"
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Pictures and colours take the place of numbers and "
                                "times, and the tick boxes show what has been given."
                            ),
                        },
                        {
                            "label": "An oral syringe with the right dose marked on it",
                            "is_correct": True,
                            "feedback": (
                                "A marked syringe means there is no scale to read, and "
                                "it is more accurate than a kitchen spoon."
                            ),
                        },
                        {
                            "label": "Longer appointments with the same nurse each time",
                            "is_correct": True,
                            "feedback": (
                                "More time and a familiar person make it easier to ask "
                                "questions and to practise."
                            ),
                        },
                        {
                            "label": (
                                "A standard printed leaflet, handed over at the end of "
                                "a short appointment"
                            ),
                            "is_correct": False,
                            "feedback": (
                                "This is what most people get, so it is not an "
                                "adjustment. It may also not be accessible to the "
                                "parent."
                            ),
                        },
                        {
                            "label": (
                                "Leaving out the doses the parent finds hardest, to "
                                "keep the routine simple"
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Adjustments change how support is given, not what the "
                                "child needs. Any change to a child's medicines is a "
                                "decision for the prescriber."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>The Equality Act 2010 requires services to make reasonable "
                        "adjustments so that disabled people are not put at a "
                        "disadvantage. Adjustments make it possible for a parent to "
                        "meet their child's needs. They do not lower those needs.</p>"
                    ),
                },
            ),
            # 4
            (
                "scenario",
                {
                    "vignette": (
                        "<p>You are a community pharmacist. Dean Walsh looks after "
                        "his daughter, Amber, who is 2, on his own. He collects an "
                        "antibiotic liquid for her and tells you he “isn't great with "
                        "reading”.</p>"
                        "<p>When you ask how he will give it, he says he will use a "
                        "teaspoon from the kitchen, “like last time”. He is not sure "
                        "how many times a day Amber needs it.</p>"
                    ),
                    "question": "What is the best thing to do?",
                    "answer_type": "single",
                    "options": [
                        {
                            "label": (
                                "Point to the dose on the label, and ask Dean whether "
                                "he understands it."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Dean has told you reading is hard, and “Do you "
                                "understand?” invites a yes. You would not know "
                                "whether Amber will get the right dose."
                            ),
                        },
                        {
                            "label": (
                                "Give Dean an oral syringe marked at the dose, show "
                                "him how to use it, ask him to show you, and add a "
                                "simple picture chart for the times of day."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. This is teach-back with reasonable "
                                "adjustments. Dean leaves able to give Amber the right "
                                "dose at the right times."
                            ),
                        },
                        {
                            "label": (
                                "Ask Dean to bring another family member in to go "
                                "through the instructions instead."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Dean is the one giving Amber her medicine. Going "
                                "round him undermines his confidence and leaves the "
                                "gap in his understanding where it was."
                            ),
                        },
                        {
                            "label": (
                                "Hold on to the medicine until a health visitor has "
                                "checked that Dean can cope."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Amber needs her medicine now, so delay puts her at "
                                "risk. Dean's difficulty with reading is not a reason "
                                "to doubt him before anyone has tried to help."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Check understanding by asking the parent to show you, and "
                        "make adjustments so that they can succeed. With Dean's "
                        "agreement, you could also tell Amber's GP or health visitor, "
                        "so that any further support can be joined up.</p>"
                    ),
                },
            ),
            # 5
            (
                "scenario",
                {
                    "vignette": (
                        "<p>Kerry is 20 and has a learning disability. She lives with "
                        "her baby son, Riley, who has a long-term condition and needs "
                        "medicine twice a day. Riley has been admitted to hospital "
                        "twice after doses were missed or measured wrongly.</p>"
                        "<p>With Kerry's agreement, the hospital has asked children's "
                        "social care to assess Riley's needs. Kerry has never had help "
                        "from adult services. She is worried that Riley will be taken "
                        "from her.</p>"
                    ),
                    "question": (
                        "Which of these should the plan to support Kerry and Riley "
                        "include? Select all that apply."
                    ),
                    "answer_type": "multiple",
                    "options": [
                        {
                            "label": (
                                "An offer of an independent advocate to help Kerry "
                                "take part and say what she needs"
                            ),
                            "is_correct": True,
                            "feedback": (
                                "An advocate helps Kerry take a full part in decisions "
                                "about her son, and makes it more likely that the "
                                "plan will work for her."
                            ),
                        },
                        {
                            "label": (
                                "A referral, with Kerry's agreement, for adult "
                                "services to assess her own support needs"
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Kerry's own needs, including as a parent, matter too. "
                                "Joining up adult and children's services is “think "
                                "family” in practice."
                            ),
                        },
                        {
                            "label": (
                                "One easy-read plan, agreed with Kerry, that names a "
                                "lead professional and sets review dates"
                            ),
                            "is_correct": True,
                            "feedback": (
                                "One accessible plan with named people and dates "
                                "means nobody assumes someone else is doing it."
                            ),
                        },
                        {
                            "label": "A fixed six-week course, after which all support ends",
                            "is_correct": False,
                            "feedback": (
                                "Many parents with learning disabilities need support "
                                "over the long term, and Riley's medicines will change "
                                "as he grows. Support should fit assessed needs, not a "
                                "fixed end date."
                            ),
                        },
                        {
                            "label": (
                                "A professionals-only meeting, with the decisions sent "
                                "to Kerry afterwards by letter"
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Plans work best when the parent helps to make them. "
                                "A standard letter may also not be accessible to "
                                "Kerry."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Good practice with parents who have learning disabilities "
                        "includes:</p>"
                        "<ul>"
                        "<li>accessible information and communication</li>"
                        "<li>joined-up assessment across adult and children's "
                        "services</li>"
                        "<li>support built around the family's needs and "
                        "strengths</li>"
                        "<li>support for as long as it is needed</li>"
                        "<li>access to independent advocacy</li>"
                        "</ul>"
                        "<p>Riley's needs stay at the centre throughout.</p>"
                    ),
                },
            ),
            # 6
            (
                "single",
                {
                    "question": (
                        "A mother with a learning disability loves her son and is "
                        "trying hard. Even with adjusted support in place, he keeps "
                        "missing essential medicine and has needed emergency care "
                        "twice. What is the right approach?"
                    ),
                    "options": [
                        {
                            "label": (
                                "Take no safeguarding action, because neglect only "
                                "applies when a parent means to harm a child."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Neglect is about whether a child's needs are met, "
                                "not whether a parent means to fail them. Intent does "
                                "not change the impact on the child."
                            ),
                        },
                        {
                            "label": (
                                "Step up the support, be open with the mother about "
                                "your concerns, and ask children's social care to "
                                "consider whether her son's needs are being met "
                                "safely."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. Keep supporting the parent, and put the "
                                "child's needs first. If support is still not enough, "
                                "child protection procedures may be needed."
                            ),
                        },
                        {
                            "label": (
                                "Decide that the mother cannot care for her son, and "
                                "stop offering support."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "This is unfair to the mother and does not protect "
                                "the child. Decisions about a child's care need a full "
                                "assessment that considers the support a parent could "
                                "have."
                            ),
                        },
                        {
                            "label": (
                                "Keep the current plan as it is, and review it in six "
                                "months."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "The plan is not meeting the child's needs now. "
                                "Waiting six months leaves him carrying the risk."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Supporting a parent and protecting a child go together. "
                        "Be honest with the parent about your concerns, involve their "
                        "advocate, and keep the child's needs at the centre.</p>"
                    ),
                },
            ),
        ],
    },
}
