"""Recognising chronic and cumulative neglect with GCP2.

Review recommendation 1; learning points 1, 2 and 12. The Hale family, the
practitioners and every event are fictional. The GCP2 exercise uses only the tool's
public structure (four areas, graded 1 to 5 with 1 the best care): the observations,
grades and rationales are the author's own, not the NSPCC's licensed wording.
"""

MODULE = {
    "slug": "recognising-chronic-neglect",
    "title": "Recognising chronic and cumulative neglect with GCP2",
    "summary": (
        "Follow the Hale family over 18 months to see how small, separate concerns "
        "add up to chronic neglect. Practise reading a multi-agency chronology and "
        "grading a child's care in the four areas of GCP2."
    ),
    "outcomes": [
        "tell chronic neglect from episodic neglect, and explain how small concerns "
        "add up to cumulative harm",
        "read a multi-agency chronology to find a pattern of neglect, rather than "
        "a list of isolated incidents",
        "explain why GPs, schools and school nurses need to share what they know "
        "about a child's health and attendance",
        "describe how trained practitioners use GCP2 with families to grade the care "
        "a child actually receives",
        "judge progress by what changes for the child, so that cases do not drift",
    ],
    "estimated_minutes": 45,
    "cpd_minutes": 45,
    "refresher_months": 36,
    "recommendations": [1],
    "learning_points": [1, 2, 12],
    "audiences": [
        "childrens_social_care",
        "early_help",
        "education",
        "primary_care",
        "community_health",
        "acute_health",
        "police",
        "mash",
        "housing",
        "voluntary_sector",
    ],
    "steps": [
        (
            "narrative",
            {
                "title": "About this module",
                "name": "about",
                "body": (
                    "<p>This module is part of the partnership's response to a local "
                    "learning review, <em>Learning from a case of chronic neglect</em>. "
                    "The review asked all front-facing practitioners to revisit the "
                    "partnership's neglect strategy and its agreed neglect tool, the "
                    "NSPCC's Graded Care Profile 2 (GCP2). That is recommendation 1.</p>"
                    "<p>You will follow one fictional family over about 18 months. "
                    "You will:</p>"
                    "<ul>"
                    "<li>read a chronology from eight agencies and pick out the "
                    "pattern</li>"
                    "<li>decide what to do at two points where the case could "
                    "drift</li>"
                    "<li>practise grading a child's care in GCP2's four areas, and "
                    "compare your grades with the author's</li>"
                    "</ul>"
                    "<p>The module covers three of the review's learning points: "
                    "recognising chronic and cumulative neglect and its effect on a "
                    "child's life chances (1), reading concerns as a chronology rather "
                    "than as isolated incidents (2), and GPs, schools and school nurses "
                    "sharing what they know about a child's health and attendance "
                    "(12).</p>"
                    "<p><strong>About GCP2.</strong> GCP2 is licensed by the NSPCC. "
                    "Only practitioners who have completed the partnership's GCP2 "
                    "training use it with families. The grading exercise here is "
                    "practice. It does not train you to use the tool, and it does not "
                    "reproduce the tool's own wording.</p>"
                    "<p>The family, the practitioners and the events in this module "
                    "are invented.</p>"
                ),
            },
        ),
        (
            "narrative",
            {
                "title": "Chronic and cumulative neglect",
                "name": "chronic-and-cumulative",
                "body": (
                    "<p>Working Together to Safeguard Children (2023) describes "
                    "neglect as a persistent failure to meet a child's basic physical "
                    "or psychological needs, which is likely to seriously harm their "
                    "health or development. The key word is persistent.</p>"
                    "<h3>Chronic and episodic neglect</h3>"
                    "<p><strong>Episodic</strong> neglect happens in spells. Care is "
                    "usually good enough, but it breaks down during a crisis, such as "
                    "a parent's illness or a bereavement, and recovers afterwards.</p>"
                    "<p><strong>Chronic</strong> neglect is long-standing. The child's "
                    "needs are not met well enough, month after month, often for "
                    "years. There may be no crisis to react to. On any one day the "
                    "care looks almost good enough, so it comes to seem normal, to the "
                    "professionals around the family as well as to the child.</p>"
                    "<h3>Cumulative harm</h3>"
                    "<p>Cumulative harm is the damage done by many concerns building up "
                    "over time. A missed appointment, a week in an unwashed uniform or "
                    "a late night out alone may each look minor. Together, they shape "
                    "a child's health, learning, friendships and sense of their own "
                    "worth.</p>"
                    "<h3>Life chances</h3>"
                    "<p>Children who live with chronic neglect are more likely to have "
                    "poor physical and dental health, to fall behind at school, and to "
                    "struggle with relationships and mental health as adults. The "
                    "longer it goes on, the harder it is to undo. That is why the "
                    "review asks us to act on the pattern, and not wait for a "
                    "crisis.</p>"
                ),
            },
        ),
        (
            "narrative",
            {
                "title": "Meet the Hale family",
                "name": "meet-the-family",
                "body": (
                    "<p>Kerry Hale is 31. She lives in a two-bedroom flat in the town "
                    "with her partner, Dean, who is 34, and her three children:</p>"
                    "<ul>"
                    "<li><strong>Tyler</strong>, 9, in Year 4 at the local primary "
                    "school</li>"
                    "<li><strong>Amber</strong>, 6, in Year 2 at the same school</li>"
                    "<li><strong>Mia</strong>, 2, Kerry and Dean's daughter, who is at "
                    "home with Kerry</li>"
                    "</ul>"
                    "<p>Dean works night shifts at a warehouse and sleeps for much of "
                    "the day. After Mia was born, Kerry told her health visitor that "
                    "she felt low and “always behind”. She finds it hard to get "
                    "everyone out of the door in the morning.</p>"
                    "<p>A lot is going well. Kerry is warm and funny with her children. "
                    "She knows their friends' names and what they like. Dean is proud "
                    "of Mia, and takes Tyler to football on Saturdays when he can. The "
                    "family have always let professionals into their home, and the "
                    "children have stayed at the same school.</p>"
                    "<p>Several agencies know the family, but each knows only a part. "
                    "In the next step you will see those parts side by side.</p>"
                    "<p>As you read on, notice the language. We describe what adults "
                    "do and what it means for the children. We avoid labels such as "
                    "“chaotic”, which say little about a child's day and can close "
                    "down a conversation with the family.</p>"
                ),
            },
        ),
        (
            "chronology",
            {
                "title": "Eighteen months, eight agencies",
                "name": "chronology",
                "instructions": (
                    "<p>These 12 entries about the Hale children come from eight "
                    "agencies, from September 2023 to January 2025. Different people "
                    "recorded them, and most were dealt with only by the agency that "
                    "recorded them.</p>"
                    "<p>Select the entries that, taken together, show chronic and "
                    "cumulative neglect. Not every entry is part of the pattern. Some "
                    "show a strength, or a professional response rather than the "
                    "children's experience.</p>"
                ),
                "entries": [
                    {
                        "date": "2023-09-15",
                        "agency": "Primary school",
                        "event": (
                            "Tyler's attendance for the last school year was 87%. He "
                            "is often late and usually arrives hungry. He eats at "
                            "breakfast club most days."
                        ),
                        "recorded_by": "Attendance officer",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2023-11-06",
                        "agency": "Health visiting service",
                        "event": (
                            "Mia (10 months) was not brought to her development "
                            "review. A second appointment was offered by letter. "
                            "There was no reply."
                        ),
                        "recorded_by": "Health visitor",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2023-12-11",
                        "agency": "Housing",
                        "event": (
                            "Kerry reported damp and mould in the children's bedroom. "
                            "The wall was treated and a vent fitted in January."
                        ),
                        "recorded_by": "Housing officer",
                        "part_of_pattern": False,
                    },
                    {
                        "date": "2024-01-23",
                        "agency": "GP practice",
                        "event": (
                            "Mia was not brought to her one-year immunisations. The "
                            "appointment was rebooked for February, and she was not "
                            "brought again."
                        ),
                        "recorded_by": "Practice nurse",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2024-03-14",
                        "agency": "Primary school",
                        "event": (
                            "Tyler wore the same unwashed uniform all week and had a "
                            "strong smell. Other children have started to avoid "
                            "sitting with him."
                        ),
                        "recorded_by": "Class teacher",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2024-04-17",
                        "agency": "School nursing service",
                        "event": (
                            "Tyler came to a drop-in with toothache. Several back "
                            "teeth had visible decay. He is not registered with a "
                            "dentist. A letter with a list of dental practices was "
                            "sent home."
                        ),
                        "recorded_by": "School nurse",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2024-05-20",
                        "agency": "Hospital emergency department",
                        "event": (
                            "Kerry brought Amber (5) in an hour after she fell off a "
                            "trampoline at a friend's party. She had a sprained "
                            "wrist. The account fitted the injury."
                        ),
                        "recorded_by": "Emergency department nurse",
                        "part_of_pattern": False,
                    },
                    {
                        "date": "2024-07-08",
                        "agency": "Police",
                        "event": (
                            "Officers found Tyler (8) alone in a play park at 9.40pm "
                            "and took him home. Kerry thought he was at a friend's "
                            "house. Dean was asleep before his shift. A notification "
                            "was sent to the MASH."
                        ),
                        "recorded_by": "Police constable",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2024-07-10",
                        "agency": "Children's social care (MASH)",
                        "event": (
                            "The police notification was screened as a single "
                            "incident. A letter of advice about supervision was sent "
                            "to the family. No further action."
                        ),
                        "recorded_by": "MASH social worker",
                        "part_of_pattern": False,
                    },
                    {
                        "date": "2024-10-02",
                        "agency": "Hospital emergency department",
                        "event": (
                            "Dean brought Tyler (9) in at 11pm with a swollen face "
                            "from a dental abscess. He was given antibiotics. Dean was "
                            "told Tyler must see a dentist within a week. A discharge "
                            "letter was sent to the GP."
                        ),
                        "recorded_by": "Emergency department doctor",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2024-11-19",
                        "agency": "Primary school",
                        "event": (
                            "Tyler's attendance this term is 79%. Kerry says he has "
                            "been off with toothache. He fell asleep in class twice "
                            "this month."
                        ),
                        "recorded_by": "Designated safeguarding lead",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2025-01-28",
                        "agency": "GP practice",
                        "event": (
                            "Kerry brought Mia in with a cough. The GP noted severe "
                            "nappy rash, very few words for her age, and that her "
                            "immunisations were still outstanding."
                        ),
                        "recorded_by": "GP",
                        "part_of_pattern": True,
                    },
                ],
                "explanation": (
                    "<p>Nine entries form the pattern. None of them alone looks like "
                    "an emergency. Together they show that, over 18 months:</p>"
                    "<ul>"
                    "<li>Tyler's tooth decay went untreated for six months until it "
                    "became an abscess, and he was still in pain weeks later</li>"
                    "<li>Tyler's attendance fell from 87% to 79%, and he was often "
                    "late, hungry, tired and unwashed</li>"
                    "<li>at 8, Tyler was out alone late at night without his parents "
                    "knowing where he was</li>"
                    "<li>Mia was not brought to her development review or her "
                    "immunisations, and by two she had severe nappy rash and few "
                    "words</li>"
                    "</ul>"
                    "<p>No single agency held more than three of these entries. The "
                    "school saw attendance and hygiene. The school nurse saw Tyler's "
                    "teeth. The hospital saw the abscess. The GP saw Mia. Each "
                    "responded to its own part.</p>"
                    "<h3>The entries that are not part of the pattern</h3>"
                    "<p>Kerry reporting the damp, and bringing Amber to hospital "
                    "promptly, are strengths. They show she can recognise a problem "
                    "and act on it. Record strengths too: a plan builds on them.</p>"
                    "<p>The MASH decision in July is not evidence of neglect, but it "
                    "shows the risk the review describes. Screened as a single "
                    "incident, the night in the park looked like a one-off. Read "
                    "against the chronology, it was one more sign that Tyler was often "
                    "left to look after himself.</p>"
                ),
            },
        ),
        (
            "knowledge_check",
            {
                "title": "Was not brought",
                "name": "was-not-brought",
                "question": (
                    "Mia was not brought to three health appointments in four months. "
                    "Why do health services record this as “was not brought” rather "
                    "than “did not attend”?"
                ),
                "options": [
                    {
                        "label": (
                            "Because a young child depends on an adult to take them, "
                            "so the record should show that the child missed care "
                            "they needed."
                        ),
                        "is_correct": True,
                        "feedback": (
                            "The phrase keeps the focus on the child, who had "
                            "no say, and prompts the question of why the adult did "
                            "not bring them."
                        ),
                    },
                    {
                        "label": (
                            "Because “did not attend” is only used for adults who "
                            "miss appointments on purpose."
                        ),
                        "is_correct": False,
                        "feedback": (
                            "Not quite. The point is not about intent. A child cannot "
                            "get themselves to an appointment, so a missed "
                            "appointment tells you about the care the child receives."
                        ),
                    },
                    {
                        "label": "Because it shows that the parent has refused treatment.",
                        "is_correct": False,
                        "feedback": (
                            "No. A missed appointment is not a refusal, and it can "
                            "have many causes. Recording it as “was not brought” "
                            "prompts a curious, child-focused follow-up, not a "
                            "conclusion."
                        ),
                    },
                    {
                        "label": "Because it means the health service can close the case.",
                        "is_correct": False,
                        "feedback": (
                            "No. “Was not brought” should prompt follow-up, not "
                            "closure. Health services should have a policy for "
                            "children who are not brought."
                        ),
                    },
                ],
                "explanation": (
                    "<p>One missed appointment is not usually a safeguarding concern "
                    "on its own. Context matters. Follow up when appointments are "
                    "missed again and again, when the child already has a health "
                    "need, or when appointments are often cancelled and rebooked. "
                    "Contact the parent, check with the health visitor or school "
                    "nurse, and look at what else is known about the child.</p>"
                    "<p>For Mia, the missed review and immunisations meant no "
                    "professional checked her health or development until the GP saw "
                    "her with a cough at the age of two.</p>"
                ),
            },
        ),
        (
            "decision",
            {
                "title": "The attendance meeting",
                "name": "attendance-meeting",
                "situation": (
                    "<p>It is February 2025. You are Grace Okafor, the designated "
                    "safeguarding lead (DSL) at Tyler's primary school.</p>"
                    "<p>Tyler's attendance is 79% this school year. Kerry has phoned "
                    "him in sick six times, twice for toothache. He is often late and "
                    "tired, and his reading has fallen further behind. The attendance "
                    "officer suggests sending the standard letter that warns parents "
                    "about possible legal action.</p>"
                    "<p>You can see the school's own records, including last spring's "
                    "concern about Tyler's hygiene. You do not know about Mia's missed "
                    "appointments, Tyler's abscess or what the GP saw last month.</p>"
                ),
                "question": "What do you do next?",
                "options": [
                    {
                        "label": (
                            "Send the standard attendance letter and review Tyler's "
                            "attendance in six weeks."
                        ),
                        "feedback": (
                            "<p>The letter treats poor attendance as the problem, when "
                            "for Tyler it is a sign of something else. It asks Kerry "
                            "to comply, but nobody asks why Tyler is missing school, "
                            "whether he is in pain, or what his mornings are like. "
                            "Letters like this often bring a short improvement that "
                            "then hides the pattern. For Tyler, it means six more "
                            "weeks of toothache and lost learning, with no one "
                            "joining up what is known about him.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "six-weeks-later",
                    },
                    {
                        "label": (
                            "This week, speak to the school nurse and the GP practice "
                            "about Tyler's health. Then meet Kerry, and Dean if "
                            "possible, to talk about what is getting in the way."
                        ),
                        "feedback": (
                            "<p>This is what learning point 12 asks for. The school, "
                            "the school nurse and the GP each hold part of Tyler's "
                            "story, and his attendance makes most sense alongside his "
                            "health. Sharing information to keep a child safe is "
                            "lawful, and data protection law does not stop it. Tell "
                            "Kerry what you plan to do, unless that would put a child "
                            "at risk. For Tyler, it means someone is finally looking "
                            "at his teeth, his tiredness and his absences "
                            "together.</p>"
                        ),
                        "rating": "stronger",
                        "go_to": "sharing-the-picture",
                    },
                    {
                        "label": (
                            "Make a referral to the MASH about Tyler's attendance "
                            "straight away."
                        ),
                        "feedback": (
                            "<p>If you think a child may be suffering neglect, you can "
                            "refer without anyone else's agreement. If a child is at "
                            "immediate risk, you must. But a referral built only on "
                            "attendance may be screened as a single issue, as the "
                            "police notification was in July. A day or two spent "
                            "gathering health information first makes the referral "
                            "much stronger. For Tyler, the difference is whether the "
                            "MASH sees one school concern or 18 months of linked "
                            "concerns.</p>"
                        ),
                        "rating": "acceptable",
                        "go_to": "sharing-the-picture",
                    },
                    {
                        "label": (
                            "Ask Tyler's class teacher to keep a close eye on him and "
                            "log anything new."
                        ),
                        "feedback": (
                            "<p>Recording matters, but the school already has 18 "
                            "months of concerns on file. Watching and waiting is how "
                            "drift begins: each new concern is logged, but no one acts "
                            "on the whole. For Tyler, it means more time in pain and "
                            "more days out of school while the adults around him wait "
                            "for something bigger to happen.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "six-weeks-later",
                    },
                ],
            },
        ),
        (
            "narrative",
            {
                "title": "Six weeks later",
                "name": "six-weeks-later",
                "continue_to": "sharing-the-picture",
                "body": (
                    "<p>For two weeks, Tyler's attendance picks up, and it looks as "
                    "if things may be settling.</p>"
                    "<p>Then it falls again. In the last week of March, Tyler arrives "
                    "with a swollen face. He tells his teaching assistant that his "
                    "tooth has hurt “since before Christmas” and that he can only eat "
                    "on one side. The school phones Kerry, and she takes him to the "
                    "emergency department. It is his second abscess in six months.</p>"
                    "<p>Neither a letter nor closer watching changed Tyler's care. "
                    "Each only measured what the school could see. For six more weeks he "
                    "went to bed in pain, and the only person who knew the whole "
                    "story was Tyler.</p>"
                    "<p>Now Mrs Okafor rings the school nurse and the GP practice. She "
                    "could have done this in February. The next step shows what the "
                    "three agencies found when they put their records together.</p>"
                ),
            },
        ),
        (
            "narrative",
            {
                "title": "Putting the pieces together",
                "name": "sharing-the-picture",
                "body": (
                    "<p>Mrs Okafor speaks to Sam Reid, the school nurse, and Dr Anil "
                    "Mehta, the GP practice's safeguarding lead. Each brings what "
                    "their agency holds:</p>"
                    "<ul>"
                    "<li><strong>School:</strong> falling attendance, lateness, "
                    "hunger, tiredness, the hygiene concern and Tyler's slipping "
                    "reading</li>"
                    "<li><strong>School nurse:</strong> visible tooth decay last "
                    "April, no dentist, and no reply to the letter home</li>"
                    "<li><strong>GP practice:</strong> the hospital letter about "
                    "Tyler's abscess, Mia's missed immunisations and review, and "
                    "Mia's nappy rash and few words</li>"
                    "</ul>"
                    "<p>None of them had the whole picture. Together, it is clear that "
                    "more than one child's basic needs have not been met for a long "
                    "time.</p>"
                    "<p>They meet Kerry and Dean. Kerry is upset. She says she has "
                    "felt “like I'm drowning” since Mia was born. Dean had not "
                    "realised how often Tyler gets himself to school. Both say they "
                    "want help.</p>"
                    "<p>The school makes a referral to the MASH. Dr Mehta makes his "
                    "own referral about the children's health, rather than relying on "
                    "the school's, as the review expects of GPs (learning point 3). "
                    "With health and education information side by side, the MASH "
                    "passes the case for a child and family assessment. The social "
                    "worker, Jo Marsh, is trained in GCP2 and will use it with the "
                    "family.</p>"
                ),
            },
        ),
        (
            "narrative",
            {
                "title": "Using GCP2 well",
                "name": "using-gcp2",
                "body": (
                    "<p>The partnership's neglect strategy names GCP2 as the tool all "
                    "local agencies have agreed to use where neglect is suspected or "
                    "known. That is a local decision: other areas may use other "
                    "tools.</p>"
                    "<h3>What GCP2 does</h3>"
                    "<ul>"
                    "<li>It gives a structured picture of the care one child actually "
                    "receives, over a short recent period.</li>"
                    "<li>It looks at four areas of care: <strong>physical "
                    "care</strong>, <strong>safety</strong>, <strong>love and "
                    "care</strong> and <strong>esteem</strong>.</li>"
                    "<li>Each area is graded from 1 to 5. Grade 1 is the best care and "
                    "grade 5 the most worrying.</li>"
                    "<li>It records strengths as well as concerns, so everyone can see "
                    "what to build on and what must change.</li>"
                    "</ul>"
                    "<h3>How it is used</h3>"
                    "<ul>"
                    "<li>It is done <strong>with</strong> the family, not to them. The "
                    "practitioner explains the tool, and talks through what they saw "
                    "and the grades with the parents.</li>"
                    "<li>It rests on several visits, usually including some that are "
                    "unannounced, not on one snapshot.</li>"
                    "<li>It grades the care the child receives, <strong>not the "
                    "reasons</strong> for it. Poverty, illness or exhaustion matter a "
                    "great deal, but they belong in the analysis and the plan, not in "
                    "the grade.</li>"
                    "<li>Repeating it after a few months shows whether care has really "
                    "changed. This is one of the best protections against drift.</li>"
                    "</ul>"
                    "<p>GCP2 supports professional judgement and curiosity; it does "
                    "not replace them.</p>"
                ),
            },
        ),
        (
            "knowledge_check",
            {
                "title": "Care, not reasons",
                "name": "care-not-reasons",
                "question": (
                    "Kerry tells Jo she could not find a dentist taking new NHS "
                    "patients, and that she is exhausted. How should this affect "
                    "Tyler's grade for physical care?"
                ),
                "options": [
                    {
                        "label": (
                            "It should not change the grade. The grade describes the "
                            "care Tyler received. Kerry's circumstances shape the "
                            "analysis and the plan."
                        ),
                        "is_correct": True,
                        "feedback": (
                            "The grade describes Tyler's experience: tooth "
                            "decay left untreated for about a year. Kerry's reasons "
                            "are real and important. They tell you what help will "
                            "work, but they do not change what Tyler lived with."
                        ),
                    },
                    {
                        "label": (
                            "It should improve the grade, because the reasons are "
                            "outside Kerry's control."
                        ),
                        "is_correct": False,
                        "feedback": (
                            "Not quite. Grading the reasons instead of the care would "
                            "hide Tyler's experience. A child in pain is in pain, "
                            "whatever the cause. Kerry's circumstances belong in the "
                            "analysis and the plan."
                        ),
                    },
                    {
                        "label": (
                            "It should make the grade worse, because Kerry is making "
                            "excuses."
                        ),
                        "is_correct": False,
                        "feedback": (
                            "No. An explanation is not evidence of an excuse, and "
                            "treating it as one harms the working relationship. The "
                            "grade reflects the care Tyler received, not a judgement "
                            "about Kerry."
                        ),
                    },
                    {
                        "label": (
                            "Physical care should not be graded until the dental "
                            "problem is sorted out."
                        ),
                        "is_correct": False,
                        "feedback": (
                            "No. The grade describes care as it is now, so that the "
                            "family and professionals can see where change is needed "
                            "and measure it later."
                        ),
                    },
                ],
                "explanation": (
                    "<p>Dental treatment for children is free on the NHS, but finding "
                    "a practice can still be hard. Helping Kerry to find one, and "
                    "to get Tyler there, is a practical way to change his care. That "
                    "is where her circumstances come in: they shape the help, not the "
                    "grade.</p>"
                ),
            },
        ),
        (
            "gcp2_grading",
            {
                "title": "Grade the care Tyler receives",
                "name": "grade-tyler",
                "observations": (
                    "<p>Jo visits four times over three weeks, twice unannounced. She "
                    "explains GCP2 to Kerry and Dean, who agree to take part. She sees "
                    "Tyler at home, and on his own at school. This is what she sees "
                    "and hears about Tyler.</p>"
                    "<ul>"
                    "<li><strong>Food:</strong> there is cereal and bread, but no "
                    "planned evening meal on either after-school visit. Tyler makes "
                    "toast for himself and Amber. He says he is “sometimes” hungry at "
                    "bedtime.</li>"
                    "<li><strong>Clothes, bedding and washing:</strong> Tyler's "
                    "mattress has no sheet. Most of his clothes are too small and his "
                    "school shoes are split. He has a bath “when Mum runs one”, about "
                    "once a week.</li>"
                    "<li><strong>Health:</strong> two back teeth are still decayed. He "
                    "was not brought to the dental appointment the school nurse "
                    "arranged.</li>"
                    "<li><strong>Keeping safe:</strong> Tyler walks to school alone, "
                    "crossing a busy main road. There is no agreed time for him to be "
                    "home. On one visit at 5pm no one knows where he is. He comes in "
                    "at 6pm from a friend's.</li>"
                    "<li><strong>Warmth:</strong> Kerry hugs Tyler when he comes in "
                    "and calls him “my big man”. He curls up next to her on the sofa. "
                    "Dean calls him lazy when jobs are not done.</li>"
                    "<li><strong>Learning and praise:</strong> there are no books at "
                    "home and homework is not done. Tyler lights up when he talks "
                    "about football, but says he is “thick” at reading.</li>"
                    "</ul>"
                ),
                "physical_care": {
                    "grade": "4",
                    "rationale": (
                        "Most of Tyler's basic physical needs are not reliably met. "
                        "Food depends on what he can make for himself, his clothes "
                        "and bedding are not adequate, and a painful health need has "
                        "gone untreated for about a year despite clear advice."
                    ),
                },
                "safety": {
                    "grade": "3",
                    "rationale": (
                        "There are real gaps. Tyler is left to manage risks beyond "
                        "his age, such as the main road and being out without anyone "
                        "knowing where he is. There is no sign of danger in the home, "
                        "and he has not been hurt, but that is partly luck."
                    ),
                },
                "love_and_care": {
                    "grade": "2",
                    "rationale": (
                        "This is a strength. Kerry is warm and affectionate, and Tyler "
                        "clearly seeks her out. Dean's criticism needs exploring with "
                        "him, but Tyler's bond with his mother is secure and is "
                        "something to build on."
                    ),
                },
                "esteem": {
                    "grade": "3",
                    "rationale": (
                        "Tyler gets little encouragement with learning and little "
                        "praise for effort. Football is a real source of pride. His "
                        "belief that he is “thick” shows the impact on how he sees "
                        "himself."
                    ),
                },
                "summary": (
                    "<p>If your grades differ from the author's, that is normal. "
                    "Differences are worth discussing in supervision. What matters is "
                    "that each grade rests on what the child experienced. In real "
                    "use, trained practitioners grade in more detail than this "
                    "exercise allows.</p>"
                    "<p>Tyler's grades show where change must happen (physical care, "
                    "and his health in particular) and what to build on (his bond "
                    "with his mother, and his love of football). They describe his "
                    "care, not why it happens. Kerry's low mood, Dean's night shifts "
                    "and the struggle to find a dentist belong in the analysis, where "
                    "they shape the help the family is offered.</p>"
                    "<p>Amber and Mia each need their own assessment: children in the "
                    "same family can receive very different care. Mia, at two, "
                    "depends entirely on adults, and her missed health checks and "
                    "delayed speech are a serious concern in their own right.</p>"
                    "<p>Jo talks the grades through with Kerry and Dean, and together "
                    "they agree a child in need plan.</p>"
                ),
            },
        ),
        (
            "decision",
            {
                "title": "The review meeting",
                "name": "review-meeting",
                "situation": (
                    "<p>It is May 2025, three months into the child in need plan. You "
                    "are at the review meeting.</p>"
                    "<p>Kerry and Dean have come to every meeting. Tyler's attendance "
                    "was 91% last half-term. Dean says a dental appointment is booked "
                    "for next month. At the last visit, which was announced, the flat "
                    "was tidy and there was food in the fridge.</p>"
                    "<p>No one has seen Tyler on his own since the assessment. The "
                    "GCP2 has not been repeated. Mia's immunisations are still "
                    "outstanding. The chair says the family are “engaging really "
                    "well” and proposes closing the plan and stepping down to early "
                    "help.</p>"
                ),
                "question": "What do you say?",
                "options": [
                    {
                        "label": (
                            "Agree to close. The parents are working with everyone and "
                            "attendance is up."
                        ),
                        "feedback": (
                            "<p>Coming to meetings and agreeing to plans shows the "
                            "adults' effort, and that deserves recognition. But it is "
                            "not the same as change in the children's lives. Tyler's "
                            "teeth are still not treated, Mia's health checks are "
                            "still missing, and no one has asked Tyler what has "
                            "changed for him. Closing now risks the case closing and "
                            "reopening, with each new worker starting again. For "
                            "Tyler and Mia, it means support ends before their care "
                            "has really changed.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "after-closure",
                    },
                    {
                        "label": (
                            "Ask for the decision to wait a few weeks, until Tyler has "
                            "been seen alone, the GCP2 repeated, the chronology "
                            "updated and his dental treatment confirmed."
                        ),
                        "feedback": (
                            "<p>This keeps the focus on outcomes for the children, not "
                            "on the adults' engagement. A repeat GCP2 shows whether "
                            "care has changed in each area. An updated chronology "
                            "shows whether change is lasting, or began only when the "
                            "meeting was arranged. Seeing Tyler alone means the plan "
                            "is judged from his point of view. It is a short delay "
                            "with a clear purpose. For Tyler, it means the decision "
                            "rests on what his life is like now.</p>"
                        ),
                        "rating": "stronger",
                        "go_to": "seeing-tyler",
                    },
                    {
                        "label": "Keep the plan open for another three months as it is.",
                        "feedback": (
                            "<p>Keeping the plan open keeps the children in view, "
                            "which is better than closing it. But carrying on "
                            "unchanged is also a form of drift. Without clear "
                            "outcomes, dates and a repeat GCP2, in three months the "
                            "meeting will face the same question with no better "
                            "evidence. For Tyler and Mia, it means more meetings, but "
                            "not necessarily better care.</p>"
                        ),
                        "rating": "acceptable",
                        "go_to": "seeing-tyler",
                    },
                ],
            },
        ),
        (
            "narrative",
            {
                "title": "After the plan closed",
                "name": "after-closure",
                "continue_to": "seeing-tyler",
                "body": (
                    "<p>The plan closes. A family support worker visits every "
                    "fortnight until the summer holidays, and the family make her "
                    "welcome.</p>"
                    "<p>Over the summer there is no breakfast club and no school "
                    "lunch. Tyler's dental appointment is cancelled because Mia is "
                    "unwell. It is rebooked, and cancelled again. Tyler starts Year 5 "
                    "in September, and his attendance falls. In October he has five "
                    "teeth removed under general anaesthetic. Having teeth taken out "
                    "is one of the most common reasons children of primary school age "
                    "are admitted to hospital in England, and tooth decay is almost "
                    "always preventable.</p>"
                    "<p>The hospital makes a referral. A new social worker is "
                    "allocated, starts a new assessment, and asks the questions Jo "
                    "asked in February. The family feel they are back at the "
                    "beginning, and so are the professionals.</p>"
                    "<p>The plan had measured the adults' effort, not the children's "
                    "experience. The module now returns to the May meeting, to show "
                    "what the stronger choice looks like.</p>"
                ),
            },
        ),
        (
            "narrative",
            {
                "title": "Seeing Tyler, measuring change",
                "name": "seeing-tyler",
                "body": (
                    "<p>Before the next meeting, Jo sees Tyler on his own at "
                    "school. They draw his week together: what is good, what worries "
                    "him and what he would change.</p>"
                    "<p>Tyler says breakfast club is “the best bit”. His dental "
                    "appointment was cancelled because Mum “couldn't take Mia with "
                    "her”. He has stopped going to football because his boots are too "
                    "small. He asks Jo if she can “make my tooth stop”.</p>"
                    "<p>Jo repeats the GCP2 with Kerry. Physical care is a little "
                    "better: Tyler has a sheet on his bed and new shoes, and there is "
                    "a meal most evenings. But his health need is still not met, and "
                    "safety and esteem have not changed. The chronology shows that "
                    "the better attendance began the week the review meeting was "
                    "arranged.</p>"
                    "<p>The meeting agrees a plan with clear outcomes and dates, which "
                    "Kerry and Dean help to write:</p>"
                    "<ul>"
                    "<li>Tyler sees a dentist within two weeks. The school nurse helps "
                    "find a practice, and Dean takes him on a day off.</li>"
                    "<li>Mia has her immunisations and a development check, with the "
                    "health visitor supporting Kerry.</li>"
                    "<li>Kerry's GP offers her support with her low mood.</li>"
                    "<li>The GCP2 is repeated in three months, and every agency adds "
                    "to the chronology.</li>"
                    "</ul>"
                    "<p>Success will be judged by what changes for Tyler, Amber and "
                    "Mia.</p>"
                ),
            },
        ),
        (
            "reflection",
            {
                "title": "Your practice",
                "name": "your-practice",
                "prompt": (
                    "<p>Think about a child you work with, or have worked with, where "
                    "concerns came in small pieces.</p>"
                    "<ul>"
                    "<li>Who else might hold part of that child's story: a GP, a "
                    "school, a school nurse, a health visitor, housing or the police? "
                    "How would you find out?</li>"
                    "<li>Is there a chronology that brings the pieces together? If "
                    "not, who could start one?</li>"
                    "<li>When did someone last see the child on their own and ask what "
                    "their days are like?</li>"
                    "<li>Are you trained to use GCP2? If not, who in your team is, and "
                    "how could you contribute to an assessment?</li>"
                    "</ul>"
                    "<p>Write down one thing you will do differently next week.</p>"
                ),
            },
        ),
        (
            "key_learning",
            {
                "title": "What to take away",
                "name": "key-learning",
                "body": (
                    "<ul>"
                    "<li><strong>Chronic neglect builds slowly.</strong> Look for "
                    "needs that go unmet for months and years, not only for crises. "
                    "Ask what the pattern means for the child's health, learning and "
                    "life chances.</li>"
                    "<li><strong>Read concerns as a chronology.</strong> Single "
                    "incidents look minor. Put every agency's entries side by side, "
                    "include strengths, and bring the chronology to every "
                    "decision.</li>"
                    "<li><strong>Join up health and education.</strong> GPs, schools "
                    "and school nurses should talk about a child's health needs and "
                    "records, especially when attendance is low or health advice is "
                    "not followed. A child who was not brought has missed care.</li>"
                    "<li><strong>Use GCP2 with families.</strong> Trained "
                    "practitioners grade the care the child actually receives in four "
                    "areas, recording strengths and concerns. Repeat it to check "
                    "change.</li>"
                    "<li><strong>Guard against drift.</strong> Judge progress by the "
                    "child's experience, not the adults' engagement. See the child, "
                    "listen to them, and set clear outcomes with dates.</li>"
                    "</ul>"
                ),
                "learning_points": [1, 2, 12],
            },
        ),
    ],
    "quiz": {
        "settings": {
            "pass_mark": 80,
            "attempts_allowed": 3,
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
                "single",
                {
                    "question": "What makes neglect “chronic” rather than episodic?",
                    "options": [
                        {
                            "label": (
                                "A child's needs go unmet over a long time, often "
                                "months or years, usually at a low level and without "
                                "a single crisis."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. Chronic neglect is long-standing. Because "
                                "there is often no crisis to react to, the care can "
                                "start to seem normal to everyone around the child."
                            ),
                        },
                        {
                            "label": (
                                "Care is usually good enough, but it breaks down "
                                "during a crisis, such as a bereavement, and then "
                                "recovers."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "This describes episodic neglect. It still needs a "
                                "response, but chronic neglect means needs going "
                                "unmet month after month, not in spells."
                            ),
                        },
                        {
                            "label": (
                                "The neglect has caused a serious injury that needed "
                                "hospital treatment."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Not quite. “Chronic” describes how long neglect has "
                                "lasted, not how serious one event was. Chronic "
                                "neglect often has no single serious incident at all."
                            ),
                        },
                        {
                            "label": (
                                "A child protection conference has confirmed that the "
                                "child is neglected."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. Chronic neglect is about the child's experience "
                                "over time, and it can go on for years before any "
                                "conference is held. Waiting for a formal decision "
                                "before naming it is how drift happens."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Working Together to Safeguard Children describes neglect "
                        "as a <em>persistent</em> failure to meet a child's basic "
                        "physical or psychological needs, which is likely to seriously "
                        "harm their health or development. In chronic neglect, many "
                        "small concerns build up into cumulative harm. Learning point "
                        "1 of the review asks practitioners to recognise this pattern "
                        "and what it means for the child.</p>"
                    ),
                },
            ),
            (
                "single",
                {
                    "question": (
                        "The review asks practitioners to understand how neglect "
                        "affects a child's “life chances”. What does this mean?"
                    ),
                    "options": [
                        {
                            "label": (
                                "The longer neglect goes on, the more it affects the "
                                "child's health, learning and relationships, often "
                                "into adult life, and the harder it is to undo."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. Chronic neglect shapes a child's whole "
                                "development. That is why the review asks us to act "
                                "on the pattern early, not wait for a crisis."
                            ),
                        },
                        {
                            "label": (
                                "Neglect mainly affects a child's exam results at "
                                "secondary school."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Not quite. Learning is one part, but neglect also "
                                "affects physical and dental health, emotional "
                                "wellbeing, friendships and later relationships."
                            ),
                        },
                        {
                            "label": (
                                "Children recover fully from neglect once their "
                                "family's circumstances improve."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. The right help can reduce the harm, but the "
                                "effects of long-standing neglect can last. Acting "
                                "sooner gives the child a better chance."
                            ),
                        },
                        {
                            "label": (
                                "A child's life chances decide whether their case "
                                "meets the threshold for a child protection plan."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. Life chances describe the long-term impact of "
                                "neglect on the child, not a threshold test. Thinking "
                                "about them helps you explain why a pattern of "
                                "low-level concerns matters."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>For the child, neglect is daily life: being hungry, tired, "
                        "unwashed or in pain, missing school and health care, and not "
                        "being noticed or praised. Describing that impact, rather than "
                        "listing incidents, helps colleagues and families see why "
                        "change is needed. This is learning point 1 of the "
                        "review.</p>"
                    ),
                },
            ),
            (
                "multiple",
                {
                    "question": (
                        "Which of these make a chronology useful in a case of neglect? "
                        "Select all that apply."
                    ),
                    "options": [
                        {
                            "label": (
                                "It starts from the child's birth, or before, not "
                                "from the latest referral."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. Starting from the latest referral hides the "
                                "history, and the history is where chronic neglect "
                                "shows itself."
                            ),
                        },
                        {
                            "label": (
                                "It brings together entries from every agency that "
                                "knows the child."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. One agency's chronology shows only one piece. "
                                "The pattern often appears only when the GP's, the "
                                "school's and others' entries sit side by side."
                            ),
                        },
                        {
                            "label": (
                                "It records strengths and positive changes as well as "
                                "concerns."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. Strengths show what a plan can build on, and "
                                "positive entries help you tell whether change has "
                                "lasted."
                            ),
                        },
                        {
                            "label": (
                                "It copies in each agency's full case notes, so that "
                                "nothing is left out."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. A chronology should be short and factual. "
                                "Copying in case notes buries the pattern in detail."
                            ),
                        },
                        {
                            "label": (
                                "It is written once, at the start of an assessment, "
                                "and then kept on file."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. A chronology is only useful if it is kept up to "
                                "date and brought to every key decision, such as a "
                                "review meeting."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>A chronology is a tool for analysis, not a record for its "
                        "own sake. A good one is:</p>"
                        "<ul>"
                        "<li>short and factual</li>"
                        "<li>multi-agency</li>"
                        "<li>started from birth or before</li>"
                        "<li>kept up to date and used at every key decision</li>"
                        "</ul>"
                        "<p>It helps you see cumulative harm, and whether change has "
                        "lasted, instead of treating each concern as an isolated "
                        "incident (learning point 2).</p>"
                    ),
                },
            ),
            (
                "scenario",
                {
                    "vignette": (
                        "<p>You are an early help worker. You have just started "
                        "working with Jade Carter and her son Leo, who is 7. With "
                        "Jade's agreement, you ask other agencies what they know. Over "
                        "the past year they have recorded:</p>"
                        "<ul>"
                        "<li><strong>School:</strong> Leo's attendance is 84%. He "
                        "often comes in without a coat in cold weather.</li>"
                        "<li><strong>Dental practice:</strong> Leo was not brought to "
                        "two check-ups.</li>"
                        "<li><strong>GP practice:</strong> Leo was treated twice for a "
                        "skin infection linked to head lice.</li>"
                        "<li><strong>Police:</strong> Leo was found alone in a "
                        "supermarket at 8pm. Jade thought he was with a "
                        "neighbour.</li>"
                        "<li><strong>Housing:</strong> Jade reported a broken boiler "
                        "and chased the repair until it was fixed.</li>"
                        "</ul>"
                    ),
                    "question": "How should you read this information?",
                    "answer_type": "single",
                    "options": [
                        {
                            "label": (
                                "Together, the entries show needs going unmet across "
                                "health, hygiene, supervision and education. This "
                                "needs one joined-up response, not five separate ones."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. Each entry looks minor on its own, but side "
                                "by side they show a pattern that touches most of "
                                "Leo's daily life. This is why the review asks for "
                                "concerns to be read as a chronology."
                            ),
                        },
                        {
                            "label": (
                                "Each agency has dealt with its own concern, so no "
                                "further action is needed."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. Each agency responding only to its own piece is "
                                "how chronic neglect gets missed. Nobody has yet asked "
                                "what the pieces mean together for Leo."
                            ),
                        },
                        {
                            "label": (
                                "The police incident is the only serious concern, so "
                                "any plan should focus on supervision."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Not quite. Being found alone at night matters, but "
                                "treating it as a single incident hides the rest: "
                                "missed dental care, infections, clothing and school "
                                "attendance."
                            ),
                        },
                        {
                            "label": (
                                "The boiler report is the strongest sign of neglect, "
                                "because the home was not safe."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. Jade noticed a problem and kept at it until it "
                                "was fixed. That is a strength, and a good chronology "
                                "records strengths as well as concerns."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>A chronology puts every agency's entries in date order, so "
                        "you can see the pattern, the gaps and what has already been "
                        "tried. Record strengths too: Jade's action on the boiler "
                        "shows she can act on a problem, which a plan can build on. "
                        "This is learning point 2 of the review.</p>"
                    ),
                },
            ),
            (
                "true_false",
                {
                    "statement": (
                        "A single missed health appointment is always a safeguarding "
                        "concern on its own."
                    ),
                    "answer": "false",
                    "feedback_true": (
                        "Not quite. One missed appointment is not usually a concern by "
                        "itself. Context matters: a pattern of missed appointments, a "
                        "child with a known health need, or a child already on a plan "
                        "for neglect."
                    ),
                    "feedback_false": (
                        "Right. One missed appointment rarely means much alone. But "
                        "repeated ones, or even one missed by a child with a health "
                        "need or on a plan for neglect, should prompt follow-up."
                    ),
                    "explanation": (
                        "<p>Health services record that a child “was not brought”, "
                        "because a child depends on an adult to take them. Follow up "
                        "when appointments are missed again and again, or often "
                        "cancelled and rebooked, or when the child already has a "
                        "health need. Check with the GP, health visitor or school "
                        "nurse, and look at what else is known about the child.</p>"
                    ),
                },
            ),
            (
                "true_false",
                {
                    "statement": (
                        "Data protection law stops a school from sharing concerns "
                        "about a child's health and attendance with the child's GP "
                        "practice unless the parents agree."
                    ),
                    "answer": "false",
                    "feedback_true": (
                        "No. Data protection law does not stop you sharing "
                        "information to keep a child safe. Share what is necessary "
                        "and proportionate, and record why."
                    ),
                    "feedback_false": (
                        "Right. Sharing information to safeguard a child is lawful. "
                        "Usually you tell the parents what you are sharing and why, "
                        "unless that would put a child at risk."
                    ),
                    "explanation": (
                        "<p>Learning point 12 asks GPs, schools and school nurses to "
                        "talk to each other about a child's health needs and records, "
                        "especially when health advice is not followed or attendance "
                        "is low. Each holds a different part of the child's story. Be "
                        "open with the family where you can, share only what is "
                        "needed, and record what you shared, with whom and why.</p>"
                    ),
                },
            ),
            (
                "scenario",
                {
                    "vignette": (
                        "<p>You are the designated safeguarding lead at a primary "
                        "school. Zofia Nowak is 5 and in Reception. Her teacher says "
                        "she holds books very close to her face and often rubs her "
                        "eyes.</p>"
                        "<p>A vision check at school eight months ago found that "
                        "Zofia needed glasses. She still does not have any. Her "
                        "attendance is 85%, and most of her absences are on Mondays. "
                        "Her mother, Ola, had a baby in the spring and says she has "
                        "“not had a minute”.</p>"
                    ),
                    "question": (
                        "Which of these actions fit the review's learning? Select all "
                        "that apply."
                    ),
                    "answer_type": "multiple",
                    "options": [
                        {
                            "label": (
                                "Ask the school nurse what followed the vision check, "
                                "and whether anything else is known about Zofia's "
                                "health."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. The school nurse may hold the vision results "
                                "and any follow-up. Sharing health and attendance "
                                "information is what learning point 12 asks for."
                            ),
                        },
                        {
                            "label": (
                                "Speak to the GP practice's safeguarding lead about "
                                "Zofia's health and her absences."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. The GP practice may know about missed "
                                "appointments or other health needs. Alongside the "
                                "school's records, this shows whether her absences "
                                "are part of a wider pattern."
                            ),
                        },
                        {
                            "label": (
                                "Meet Ola to talk about what is getting in the way, "
                                "and what help would make a difference."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. With a new baby, Ola may need practical help, "
                                "such as booking an eye test. Talking with her helps "
                                "you understand Zofia's days and agree what will "
                                "change."
                            ),
                        },
                        {
                            "label": (
                                "Send the standard attendance letter and review "
                                "Zofia's attendance in six weeks."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. A letter treats attendance as the whole problem. "
                                "It does not ask why Zofia misses school, or why she "
                                "still cannot see properly."
                            ),
                        },
                        {
                            "label": (
                                "Wait for next year's vision check to see whether "
                                "Zofia has glasses by then."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. Waiting means another year of Zofia struggling "
                                "to see, just as she is learning to read. Unmet "
                                "health needs add up over time."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>No single agency here has the whole picture. The school "
                        "sees Zofia's attendance and her difficulty seeing. The school "
                        "nurse and the GP may know about the vision check and her "
                        "other health care. Talking to each other, and to Ola, turns "
                        "separate worries into an understanding of Zofia's daily "
                        "life. If what you find suggests neglect, make a "
                        "referral.</p>"
                    ),
                },
            ),
            (
                "scenario",
                {
                    "vignette": (
                        "<p>You are a GP. Kian Bailey, who is 2, is brought in with a "
                        "chest infection. You notice that his weight has dropped away "
                        "from the line it was following, he has severe nappy rash, and "
                        "he was not brought to his last three appointments at the "
                        "practice.</p>"
                        "<p>His mother tells you the health visitor has been “popping "
                        "round”. You wonder whether the health visitor has already "
                        "made a referral.</p>"
                    ),
                    "question": "What should you do?",
                    "answer_type": "single",
                    "options": [
                        {
                            "label": (
                                "Make the practice's own referral to the MASH, telling "
                                "Kian's mother unless that would put him at risk, and "
                                "speak to the health visitor."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. Learning point 3 says GPs with clear "
                                "safeguarding concerns must make their own referral, "
                                "not rely on other agencies. Speaking to the health "
                                "visitor joins up what each of you knows."
                            ),
                        },
                        {
                            "label": (
                                "Leave the referral to the health visitor, who sees "
                                "Kian at home and knows the family better."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. Relying on another agency to refer is what the "
                                "review warns against. The health visitor may not know "
                                "what you have seen, and may be assuming you will "
                                "refer."
                            ),
                        },
                        {
                            "label": (
                                "Treat the chest infection and ask his mother to "
                                "bring him back in a month to be weighed."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Not enough. Falling weight, severe nappy rash and "
                                "three missed appointments together are clear "
                                "concerns. Waiting a month leaves Kian without help, "
                                "and he may not be brought back."
                            ),
                        },
                        {
                            "label": (
                                "Record your concerns in Kian's notes so that they "
                                "are there if anyone asks."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. Recording matters, but a note that no one else "
                                "sees does not protect Kian. Your concerns need to "
                                "reach the MASH."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>In this partnership, referrals to the MASH are made on a "
                        "Multi-Agency Referral Form (MARF), which is a local form. If "
                        "you are unsure, talk to your practice safeguarding lead, but "
                        "don't let uncertainty delay a referral when the concerns are "
                        "clear. If a child is at immediate risk, act straight "
                        "away.</p>"
                    ),
                },
            ),
            (
                "single",
                {
                    "question": (
                        "GCP2 looks at the care a child receives in four areas. Which "
                        "are they?"
                    ),
                    "options": [
                        {
                            "label": "Physical care, safety, love and care, and esteem",
                            "is_correct": True,
                            "feedback": (
                                "Right. Together these cover the child's physical "
                                "needs, their safety, the warmth of their "
                                "relationship with their carers, and the "
                                "encouragement and acceptance that build their sense "
                                "of worth."
                            ),
                        },
                        {
                            "label": "Health, education, housing and family income",
                            "is_correct": False,
                            "feedback": (
                                "No. GCP2 grades the care the child actually "
                                "receives. Housing and income may help explain that "
                                "care, but they belong in the analysis, not the "
                                "grades."
                            ),
                        },
                        {
                            "label": (
                                "Physical care, parental mental health, substance "
                                "misuse and domestic abuse"
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. Parents' difficulties can be risk factors, but "
                                "GCP2 does not grade them. It grades what the child "
                                "experiences."
                            ),
                        },
                        {
                            "label": "Attendance, behaviour, attainment and friendships",
                            "is_correct": False,
                            "feedback": (
                                "No. These are things a school sees, and they can be "
                                "signs of neglect. GCP2 looks more widely, at the care "
                                "the child receives from their carers."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>GCP2 is the NSPCC's Graded Care Profile 2. In this "
                        "partnership it is the agreed tool for assessing neglect, "
                        "which is a local decision. Only practitioners who have "
                        "completed the partnership's GCP2 training use it with "
                        "families. Recommendation 1 of the review asks all "
                        "front-facing practitioners to revisit the neglect strategy "
                        "and GCP2.</p>"
                    ),
                },
            ),
            (
                "true_false",
                {
                    "statement": (
                        "In GCP2, each area of care is graded from 1 to 5, and grade 5 "
                        "shows the best care."
                    ),
                    "answer": "false",
                    "feedback_true": (
                        "Not quite. The scale runs the other way: grade 1 is the best "
                        "care and grade 5 the most worrying."
                    ),
                    "feedback_false": (
                        "Right. Grade 1 is the best care and grade 5 the most "
                        "worrying. Each area gets its own grade, so strengths and "
                        "concerns both show."
                    ),
                    "explanation": (
                        "<p>Grading each area separately shows where change is needed "
                        "and what to build on. A child may have a good grade for love "
                        "and care alongside a worrying grade for physical care. The "
                        "grades describe the care the child receives, not the reasons "
                        "for it.</p>"
                    ),
                },
            ),
            (
                "multiple",
                {
                    "question": (
                        "Which of these describe how GCP2 should be used? Select all "
                        "that apply."
                    ),
                    "options": [
                        {
                            "label": (
                                "It is done with the family: the practitioner "
                                "explains the tool, and talks through what they saw "
                                "and the grades."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. Using the tool with parents, not on them, "
                                "helps them see what is going well and what needs to "
                                "change."
                            ),
                        },
                        {
                            "label": (
                                "It draws on several visits, usually including some "
                                "unannounced ones."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. One visit is a snapshot. Several visits, some "
                                "of them unannounced, give a truer picture of "
                                "everyday care."
                            ),
                        },
                        {
                            "label": (
                                "It is repeated after a few months to check whether "
                                "the child's care has changed."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. Comparing grades over time shows whether "
                                "change is real and lasting. This is one of the best "
                                "protections against drift."
                            ),
                        },
                        {
                            "label": (
                                "Any practitioner can use it once they have read the "
                                "guidance."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. GCP2 is licensed by the NSPCC, and only "
                                "practitioners who have completed the partnership's "
                                "training use it. If you are not trained, you can "
                                "still share what you see with someone who is."
                            ),
                        },
                        {
                            "label": (
                                "It gives one grade for the whole family, so brothers "
                                "and sisters share the same result."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "No. It looks at the care each child receives. "
                                "Children in the same family can have very different "
                                "experiences, so each needs their own assessment."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>GCP2 supports professional judgement and curiosity; it "
                        "does not replace them. Used well, it gives a clear picture of "
                        "one child's care, records strengths as well as concerns, and "
                        "shows whether things change. If you are not trained, find out "
                        "who in your team is, and ask about the partnership's GCP2 "
                        "training.</p>"
                    ),
                },
            ),
            (
                "scenario",
                {
                    "vignette": (
                        "<p>Brooke Shaw's children, Harvey (8) and Poppy (4), have "
                        "been on a child in need plan for neglect for four months. "
                        "Brooke has come to every meeting and agrees with every "
                        "action. At the last visit, which was announced, the home was "
                        "tidy.</p>"
                        "<p>Harvey's school says he is still often hungry. Poppy has "
                        "still not been taken to the hearing test she was referred "
                        "for. Neither child has been seen alone since the plan began. "
                        "A GCP2 was completed at the start, but it has not been "
                        "repeated.</p>"
                    ),
                    "question": (
                        "Which of these would best show whether the children's care "
                        "has really changed?"
                    ),
                    "answer_type": "single",
                    "options": [
                        {
                            "label": (
                                "A repeat GCP2 by a trained practitioner, compared "
                                "with the first, together with seeing each child on "
                                "their own and hearing from them"
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. This measures what the children experience, "
                                "in each area of care, against where they started. "
                                "Seeing the children directly tests whether the "
                                "change is real for them."
                            ),
                        },
                        {
                            "label": (
                                "Brooke has come to every meeting and agrees with the "
                                "plan"
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Not quite. Brooke's effort deserves recognition, but "
                                "coming to meetings measures the adults' engagement, "
                                "not the children's care. Harvey is still hungry and "
                                "Poppy's hearing test has not happened."
                            ),
                        },
                        {
                            "label": "The home was tidy at the last announced visit",
                            "is_correct": False,
                            "feedback": (
                                "No. An announced visit shows the home on a day the "
                                "family expected you. It says little about everyday "
                                "care, and nothing about Harvey's hunger or Poppy's "
                                "hearing."
                            ),
                        },
                        {
                            "label": "Brooke says things are much better at home",
                            "is_correct": False,
                            "feedback": (
                                "Not enough on its own. Take what Brooke says "
                                "seriously, then check it against what the school "
                                "sees, what health services know and what the "
                                "children tell you."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Judge progress by what changes for the child, not by "
                        "whether the adults come to meetings. When the focus moves to "
                        "engagement, cases drift, or close and then reopen. Set clear "
                        "outcomes with dates, see the children, repeat the assessment "
                        "of care and keep the chronology up to date.</p>"
                    ),
                },
            ),
        ],
    },
}
