"""Professional challenge and resolution: escalate, don't re-refer.

Review recommendation 5; learning points 8, 9 and 10, with 2 (reading concerns as a
chronology) and 3 (GPs making their own referral).

The Mahmood-Clarke family is fictional. Local practices (the Professional Challenge
and Resolution procedure, the MARF, the MASH "trigger point") are labelled as this
partnership's own. Stage timescales are deliberately not stated: learners are sent
to the partnership's current procedure.
"""

MODULE = {
    "slug": "professional-challenge-and-resolution",
    "title": "Professional challenge and resolution: escalate, don't re-refer",
    "summary": (
        "Seven referrals about the same two children come back with the same "
        "answer in a year. Follow a school's designated safeguarding lead as she "
        "stops re-referring and uses professional challenge and resolution to get "
        "the children's case looked at as a whole."
    ),
    "outcomes": [
        "spot a repeat-referral pattern in a multi-agency chronology",
        "explain why sending another MARF about the same concerns rarely changes the outcome",
        "use the partnership's Professional Challenge and Resolution process, starting with the right person",
        "keep supporting a child while a challenge is resolved, and act at once if they are at immediate risk",
        "explain why a GP should make their own referral rather than rely on other agencies",
    ],
    "estimated_minutes": 35,
    "cpd_minutes": 35,
    "refresher_months": 36,
    "recommendations": [5],
    "learning_points": [2, 3, 8, 9, 10],
    "audiences": [
        "education",
        "primary_care",
        "community_health",
        "acute_health",
        "mental_health",
        "police",
        "mash",
        "childrens_social_care",
        "early_help",
        "adult_social_care",
        "housing",
        "probation",
        "voluntary_sector",
    ],
    "steps": [
        # 1
        (
            "narrative",
            {
                "title": "A new term, an old worry",
                "body": (
                    "<p>Mrs Anita Rowe is the designated safeguarding lead (DSL) at an "
                    "all-through academy in the town. She knows the Mahmood-Clarke "
                    "family well. Lisa Clarke lives with her partner, Imran Mahmood, "
                    "and her two children: Kyle, who is 13 and in Year 9, and Ruby, "
                    "who is 7 and in Year 3. Both adults work shifts.</p>"
                    "<p>It is September. In the first eight days of term, Kyle has been "
                    "in school three times. When the office phones home, Lisa says he "
                    "is poorly. Ruby arrives late most days, hungry and in yesterday's "
                    "clothes. She tells her teacher that 'Kyle does my "
                    "breakfast'.</p>"
                    "<p>Anita opens the safeguarding record. Over the past year the "
                    "school, the school nurse, the GP practice and the police have all "
                    "sent referrals about these children to the multi-agency "
                    "safeguarding hub (MASH). Each one came back with no further action "
                    "or a suggestion of early help. The family did not take up early "
                    "help. Nothing changed for Kyle and Ruby.</p>"
                    "<p>In this module you will work through what Anita does next, and "
                    "why.</p>"
                    "<p><em>MARF (multi-agency referral form) is the name this "
                    "partnership uses for a referral to the MASH. Your area may use a "
                    "different name or an online form.</em></p>"
                ),
            },
        ),
        # 2
        (
            "chronology",
            {
                "title": "A year of referrals",
                "instructions": (
                    "<p>Anita puts the last year's records from every agency side by "
                    "side. Read the entries.</p>"
                    "<p>Select the entries that together show the repeat-referral "
                    "pattern: concerns sent to the MASH that each came back with the "
                    "same answer.</p>"
                    "<p>Some entries record ordinary family life or strengths. They "
                    "matter, but they are not part of this pattern.</p>"
                ),
                "entries": [
                    {
                        "date": "2024-09-24",
                        "agency": "School",
                        "event": (
                            "MARF from Mrs Rowe. Kyle's attendance is 79% and he "
                            "arrives hungry in the same unwashed shirt. Ruby has had "
                            "head lice all month. MASH outcome: no further action; "
                            "family signposted to early help. Lisa did not take up "
                            "the offer."
                        ),
                        "recorded_by": "Designated safeguarding lead",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2024-10-17",
                        "agency": "School",
                        "event": (
                            "Lisa comes to Ruby's parents' evening. She is warm and "
                            "chatty, and says mornings are hard since she started "
                            "early shifts."
                        ),
                        "recorded_by": "Class teacher",
                        "part_of_pattern": False,
                    },
                    {
                        "date": "2024-12-05",
                        "agency": "School nursing service",
                        "event": (
                            "MARF after a health check. Ruby has untreated tooth "
                            "decay and toothache. Kyle's asthma inhaler is empty and "
                            "he says he has not had a new one 'for ages'. MASH "
                            "outcome: below threshold; signposted to early help."
                        ),
                        "recorded_by": "School nurse",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2024-12-12",
                        "agency": "School",
                        "event": (
                            "Imran comes to Ruby's Christmas play and films it for "
                            "Lisa, who is at work."
                        ),
                        "recorded_by": "Class teacher",
                        "part_of_pattern": False,
                    },
                    {
                        "date": "2025-01-25",
                        "agency": "Police",
                        "event": (
                            "A neighbour calls police at 10pm. Kyle (12) and Ruby (6) "
                            "are home alone; Kyle says he is 'babysitting'. Lisa "
                            "returns within the hour. Officers refer to the MASH. "
                            "MASH outcome: no further action; advice letter to "
                            "parents about supervision."
                        ),
                        "recorded_by": "Police constable",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2025-02-20",
                        "agency": "GP practice",
                        "event": (
                            "MARF from the practice. Kyle has not been brought to "
                            "three asthma reviews and has needed two urgent "
                            "appointments for chest infections. MASH outcome: no "
                            "further action; practice to send appointment reminders; "
                            "signposted to early help."
                        ),
                        "recorded_by": "GP, practice safeguarding lead",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2025-03-04",
                        "agency": "GP practice",
                        "event": (
                            "Lisa brings Ruby to an appointment for an ear infection. "
                            "Treatment given. Lisa says she is worn out."
                        ),
                        "recorded_by": "GP",
                        "part_of_pattern": False,
                    },
                    {
                        "date": "2025-03-18",
                        "agency": "School",
                        "event": (
                            "MARF from Mrs Rowe. Kyle's attendance is now 68%. He "
                            "tells his tutor he gets Ruby ready for school most days. "
                            "MASH outcome: no further action; concerns 'known to "
                            "early help'. The family had not engaged with early help."
                        ),
                        "recorded_by": "Designated safeguarding lead",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2025-05-08",
                        "agency": "School",
                        "event": (
                            "Kyle scores the winning goal in the school football "
                            "final. His attendance is much better in weeks when there "
                            "is a match."
                        ),
                        "recorded_by": "PE teacher",
                        "part_of_pattern": False,
                    },
                    {
                        "date": "2025-05-21",
                        "agency": "School nursing service",
                        "event": (
                            "MARF from the school nurse. Kyle has lost weight since "
                            "December and says there is often 'nothing in' at home. "
                            "MASH outcome: signposted to early help."
                        ),
                        "recorded_by": "School nurse",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2025-07-05",
                        "agency": "Police",
                        "event": (
                            "Officers find Kyle (13) in the town centre at 1am and "
                            "take him home. They refer to the MASH. MASH outcome: no "
                            "further action; information passed to school."
                        ),
                        "recorded_by": "Police constable",
                        "part_of_pattern": True,
                    },
                ],
                "explanation": (
                    "<p>There were seven referrals in ten months from four agencies: "
                    "the school, the school nurse, the GP practice and the police. "
                    "Each was screened on its own. Each was closed with no further "
                    "action or signposting to early help, which the family never took "
                    "up.</p>"
                    "<p>Read together, they tell a different story: falling "
                    "attendance, weight loss, untreated health needs, children alone "
                    "at night, and a 13-year-old caring for his little sister. This is "
                    "how chronic, cumulative neglect shows itself: as a run of "
                    "concerns that each look low-level alone.</p>"
                    "<p>By late January there had already been three referrals in a "
                    "row. This review recommended that the MASH should look again at "
                    "a child's case at about that point. No one did. No one challenged "
                    "the decisions either. Agencies kept sending new referrals "
                    "instead.</p>"
                    "<p>The strengths are real. Lisa is warm, Imran came to the play "
                    "and Kyle loves football. Record strengths, but do not let them "
                    "cancel out needs that are still not being met.</p>"
                ),
            },
        ),
        # 3
        (
            "decision",
            {
                "title": "Another MARF?",
                "situation": (
                    "<p>Anita has a new MARF open on her screen. She has typed in "
                    "Kyle's attendance for this term and what Ruby said about "
                    "breakfast. It would take ten minutes to finish and send.</p>"
                    "<p>The school nurse, Grace Turner, puts her head round the door. "
                    "'I'm worried too,' she says. 'Shall I send one "
                    "as well? If the MASH gets two at once, they might take it "
                    "seriously.'</p>"
                ),
                "question": "What should Anita do now?",
                "options": [
                    {
                        "label": "Finish the MARF and send it. The new absences are new information.",
                        "feedback": (
                            "<p>This feels like action, but it repeats what the MASH "
                            "has seen seven times before. A few more days of absence "
                            "is more of the same concern, not a new kind of concern. "
                            "The form is likely to be screened the same way and get "
                            "the same answer. Nobody is asked to look at the whole "
                            "picture, and Kyle and Ruby keep waiting. See what "
                            "happens next.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "another-referral",
                    },
                    {
                        "label": "Ask Grace to send a MARF too, so the MASH sees two agencies are worried.",
                        "feedback": (
                            "<p>More forms do not add up to more weight. Each is "
                            "screened on what it says. Two referrals with the same "
                            "concerns on the same day are still two separate "
                            "referrals, and both may be closed. Grace's information "
                            "is valuable, but it is better used to support a "
                            "challenge to the decision. See what happens next.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "another-referral",
                    },
                    {
                        "label": (
                            "Don't send another form. Find out who made the last "
                            "decision, or whether a social worker is allocated, and "
                            "talk to them about the whole history, using the "
                            "partnership's challenge process if needed."
                        ),
                        "feedback": (
                            "<p>This is what the review asks for. Seven referrals have "
                            "had the same outcome, so what needs challenging is the "
                            "decision, not the worry. Talking to the person who made "
                            "the decision, with the chronology to hand, gives them the "
                            "chance to see the pattern and change course. If that does "
                            "not resolve it, the Professional Challenge and Resolution "
                            "process gives Anita a clear next step. For Kyle and Ruby, "
                            "this could lead to someone looking at their lives as a "
                            "whole.</p>"
                        ),
                        "rating": "stronger",
                        "go_to": "same-answer",
                    },
                    {
                        "label": "Wait for the school's attendance process to deal with Kyle's absences.",
                        "feedback": (
                            "<p>Attendance procedures matter, but they focus on getting "
                            "Kyle into school. They will not ask why a 13-year-old is "
                            "getting his sister ready each morning, or why he has lost "
                            "weight. Kyle's absence is one sign of neglect, not the "
                            "whole problem. Waiting also adds weeks to a year of "
                            "drift.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "same-answer",
                    },
                ],
            },
        ),
        # 4 (branch: another referral)
        (
            "narrative",
            {
                "name": "another-referral",
                "continue_to": "same-answer",
                "title": "Another form, the same answer",
                "body": (
                    "<p>The new referral goes to the MASH. Two days later the reply "
                    "comes back: no further action. The concerns are 'known to "
                    "early help', and the family has been given the early help "
                    "number again.</p>"
                    "<p>Three weeks pass. Kyle's attendance this term is down to 55%. "
                    "He has stopped coming to football training. Ruby's teacher sees "
                    "her take food from another child's lunchbox. Lisa tells the "
                    "office that everyone is fine and it is 'just a bad "
                    "patch'.</p>"
                    "<p>On paper, there is more activity than ever. The MASH now holds "
                    "eight or more referrals about these children. Yet no one has "
                    "visited the home, asked Kyle what his life is like or brought the "
                    "agencies together. Each form was read on its own, and each answer "
                    "fitted what that form said. Together they left two children "
                    "without help.</p>"
                    "<p>This is drift: time passes, concern is recorded and nothing "
                    "changes for the child. For a 7-year-old and a 13-year-old, "
                    "another term is a long time.</p>"
                    "<p>The next screen explains why the same form keeps getting the "
                    "same answer, and what works instead. For the rest of the module, "
                    "follow the route Anita could have taken.</p>"
                ),
            },
        ),
        # 5
        (
            "narrative",
            {
                "name": "same-answer",
                "title": "Why the same form gets the same answer",
                "body": (
                    "<p>The MASH screens each referral against the threshold, based on "
                    "what the referral says and what checks show. When the same "
                    "worries arrive again, with nothing new and no analysis of what "
                    "they mean together, the decision is likely to be the same as "
                    "last time. Repeat referrals can even make a family look "
                    "'known and managed' when no one is helping.</p>"
                    "<p>The problem is rarely one wrong decision. It is that no one "
                    "has put the decisions side by side. Seven decisions about seven "
                    "forms are not the same as one decision about Kyle's and Ruby's "
                    "lives.</p>"
                    "<p>This review found the same problem. It asks professionals "
                    "not to repeat MARFs, but to:</p>"
                    "<ul>"
                    "<li>contact the allocated social worker, if the child has one</li>"
                    "<li>use the partnership's Professional Challenge and Resolution "
                    "process to challenge an outcome or raise further concerns</li>"
                    "</ul>"
                    "<h3>A trigger point in the MASH: a local recommendation</h3>"
                    "<p>The review also asked this partnership's MASH to consider a "
                    "'trigger point'. For example, when three referrals "
                    "about a child arrive in succession, the MASH would stop and "
                    "review the child's case, or hold a wider discussion. This comes "
                    "from this local review. It is not a national rule, so check with "
                    "your MASH how it works now.</p>"
                    "<p>A trigger point is a safety net, not a replacement for your "
                    "judgement. If you disagree with a decision, challenge it.</p>"
                ),
            },
        ),
        # 6
        (
            "knowledge_check",
            {
                "title": "Check your understanding: the trigger point",
                "question": (
                    "What did this review recommend the MASH consider when "
                    "professionals keep sending MARFs about the same child?"
                ),
                "options": [
                    {
                        "label": (
                            "A trigger point, such as reviewing the child's case when "
                            "three referrals arrive in succession"
                        ),
                        "is_correct": True,
                        "feedback": (
                            "Correct. Repeated referrals should prompt a fresh look "
                            "at the child's whole history, not another separate "
                            "screening decision."
                        ),
                    },
                    {
                        "label": "Refusing further MARFs from a referrer who has already been told the outcome",
                        "is_correct": False,
                        "feedback": (
                            "No. Anyone with a new safeguarding concern must be able "
                            "to refer. The review is about the MASH noticing repeat "
                            "referrals and reviewing them together."
                        ),
                    },
                    {
                        "label": (
                            "A national rule that child protection enquiries must "
                            "start after three referrals"
                        ),
                        "is_correct": False,
                        "feedback": (
                            "No. The trigger point is a local recommendation from "
                            "this review, not a national rule. It prompts a review or "
                            "discussion. It does not decide the outcome in advance."
                        ),
                    },
                    {
                        "label": "Passing every repeat referral straight to early help",
                        "is_correct": False,
                        "feedback": (
                            "No. Signposting to early help is what happened again and "
                            "again in Kyle and Ruby's case, with no change for them."
                        ),
                    },
                ],
                "explanation": (
                    "<p>The trigger point is one of this review's recommendations for "
                    "the local MASH. It is not national guidance. Whatever the MASH "
                    "does, every professional still needs to challenge a decision "
                    "they believe leaves a child unsafe.</p>"
                ),
            },
        ),
        # 7
        (
            "narrative",
            {
                "title": "What professional challenge and resolution is",
                "body": (
                    "<p>National statutory guidance, <em>Working Together to "
                    "Safeguard Children 2023</em>, expects every area's safeguarding "
                    "arrangements to include a way of resolving disagreements between "
                    "agencies. In this partnership, that is the Professional "
                    "Challenge and Resolution procedure. You use it to challenge "
                    "another professional's or agency's decision, or to raise "
                    "further concerns about how a child's case is being handled.</p>"
                    "<h3>Who can use it</h3>"
                    "<p>Any practitioner in any agency, at any level. You do not "
                    "need permission. Do involve your agency's safeguarding lead: "
                    "your DSL, named nurse or doctor, or practice safeguarding lead. "
                    "They can advise you and support the challenge.</p>"
                    "<h3>What it is for</h3>"
                    "<p>It is about the right outcome for the child, not winning an "
                    "argument. It is not a complaint. Being challenged is a normal "
                    "part of safe practice.</p>"
                    "<h3>How it usually works</h3>"
                    "<ol>"
                    "<li>Talk to the practitioner who made the decision, or the "
                    "allocated social worker.</li>"
                    "<li>If that does not resolve it, raise it with their manager.</li>"
                    "<li>If it is still not resolved, take it to more senior "
                    "managers in both agencies.</li>"
                    "<li>Finally, the safeguarding partnership.</li>"
                    "</ol>"
                    "<p>Each stage has timescales set out in the partnership's "
                    "procedure. Aim to resolve things at the lowest level, but do "
                    "not let a stage drag on. Record every step, and use the "
                    "partnership's template. Always check the current procedure on "
                    "the partnership's website, as stages and forms can change.</p>"
                ),
            },
        ),
        # 8
        (
            "decision",
            {
                "title": "Who do you speak to first?",
                "situation": (
                    "<p>Anita decides not to send another form. She has the "
                    "chronology ready. No social worker is allocated, because every "
                    "referral was closed at the MASH. The last decision, in July, was "
                    "made by Sam Ellis, a MASH social worker.</p>"
                    "<p>Anita tells the headteacher, Mr Ford, what she plans. He is "
                    "frustrated. 'Write to the director of children's services,"
                    "' he says. 'That'll get their attention.'</p>"
                ),
                "question": "Who should Anita raise the challenge with first?",
                "options": [
                    {
                        "label": (
                            "Phone the MASH and ask for Sam Ellis. Say she wants to "
                            "challenge the outcome under the partnership's procedure "
                            "and talk through the chronology."
                        ),
                        "feedback": (
                            "<p>This is the right first step. Sam made the decision "
                            "and can look at it again quickly. A direct, respectful "
                            "conversation lets Anita share what the forms did not "
                            "show, and lets her understand Sam's reasons. Many "
                            "disagreements are resolved here. Telling Mr Ford keeps "
                            "the school's leadership informed without skipping "
                            "stages.</p>"
                        ),
                        "rating": "stronger",
                        "go_to": "",
                    },
                    {
                        "label": "Write to the director of children's services, as Mr Ford suggests.",
                        "feedback": (
                            "<p>It skips the stages designed to resolve things "
                            "quickly. The person who made the decision may not hear "
                            "Anita's reasons for days, and a senior manager is "
                            "likely to ask whether it was raised with Sam first. "
                            "That costs Kyle and Ruby time. Senior managers are the "
                            "right people later, if earlier stages fail.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                    {
                        "label": "Ask Grace, the school nurse, to raise it, because health may carry more weight.",
                        "feedback": (
                            "<p>Any practitioner can use the process, and a school DSL "
                            "has as much standing as anyone else. Handing it on adds "
                            "delay and leaves the school's own evidence unexplained. "
                            "Grace can support the challenge and add her information, "
                            "but Anita should lead on the school's concerns.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                    {
                        "label": "Email the chronology to the MASH inbox and ask them to look at the case again.",
                        "feedback": (
                            "<p>Putting the concern in writing is good, but an email "
                            "to a shared inbox may be treated as another contact and "
                            "screened on its own. It is not clear who owns it or that "
                            "it is a challenge. Follow it with a phone call to the "
                            "person who made the decision, and say clearly that you "
                            "are challenging it.</p>"
                        ),
                        "rating": "acceptable",
                        "go_to": "",
                    },
                ],
            },
        ),
        # 9
        (
            "decision",
            {
                "title": "The GP's own referral",
                "situation": (
                    "<p>Before she phones the MASH, Anita checks what the GP practice "
                    "knows. Dr Nadia Osei, the practice safeguarding lead, looks at "
                    "the records with her.</p>"
                    "<p>Over the summer, Ruby was not brought to two hospital "
                    "follow-up appointments for her hearing. Kyle needed another "
                    "urgent appointment for his asthma and was underweight for his "
                    "age. The practice has not referred since February.</p>"
                    "<p>'You're challenging the MASH anyway,' Dr Osei "
                    "says. 'I'll leave it with you.'</p>"
                ),
                "question": "Now put yourself in Dr Osei's place. What should she do?",
                "options": [
                    {
                        "label": "Leave it to the school's challenge, as she suggests.",
                        "feedback": (
                            "<p>This review found that GPs sometimes rely on other "
                            "agencies to refer. The practice holds health information "
                            "no one else has. If the GP does not pass it on, the MASH "
                            "never sees it, and Ruby's hearing and Kyle's health go "
                            "unmentioned.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                    {
                        "label": "Send Anita a summary of the records so she can include them in her challenge.",
                        "feedback": (
                            "<p>Sharing information is right, but this still relies on "
                            "another agency to speak for the practice. Anita cannot "
                            "explain the clinical meaning of missed hearing "
                            "follow-ups or Kyle's weight, and she may be asked "
                            "questions she cannot answer. The GP should refer "
                            "herself.</p>"
                        ),
                        "rating": "acceptable",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Make the practice's own MARF with the new health "
                            "information, link it to the earlier referrals and the "
                            "school's challenge, and offer to join the discussion."
                        ),
                        "feedback": (
                            "<p>This is what the review asks of GPs: where there are "
                            "noticeable safeguarding concerns, make your own referral. "
                            "It is not a repeat referral. It brings first-hand health "
                            "information the MASH has never seen, explained by the "
                            "person who holds it. Linking it to the challenge helps "
                            "the MASH see the whole picture, and the children gain a "
                            "second professional speaking up for them.</p>"
                        ),
                        "rating": "stronger",
                        "go_to": "",
                    },
                    {
                        "label": "Send the family reminder letters and wait to see if the children are brought next time.",
                        "feedback": (
                            "<p>Reminders can help, but the practice tried them in "
                            "February and the children are still not being brought. "
                            "Children depend on adults to get them to appointments. "
                            "Waiting again adds to the drift.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                ],
            },
        ),
        # 10
        (
            "narrative",
            {
                "title": "The first conversation",
                "body": (
                    "<p>Anita phones the MASH and speaks to Sam Ellis. She says she "
                    "is raising a challenge under the partnership's procedure. She "
                    "talks him through the chronology: seven referrals, Kyle's "
                    "attendance falling from 79% to 68% and then to three days out of "
                    "eight this term, his weight loss, Ruby's teeth, "
                    "children alone at night, and Kyle caring for Ruby. She mentions "
                    "that Dr Osei is sending the practice's own referral.</p>"
                    "<p>Sam listens and is courteous. He explains that each referral "
                    "was screened against the threshold, and none met it on its own. "
                    "The parents had said they would work with early help. He offers "
                    "to 'add the chronology to the file', but he does not "
                    "change the decision.</p>"
                    "<p>Anita points out that the family never took up early help, so "
                    "no one has helped at all. She says, politely, that she will take "
                    "the challenge to the next stage.</p>"
                    "<p>The same day, she writes up the call in the school's "
                    "safeguarding record:</p>"
                    "<ul>"
                    "<li>the date and time, and who she spoke to</li>"
                    "<li>which decision she disagrees with, and why</li>"
                    "<li>what Sam said and his reasons</li>"
                    "<li>what happens next</li>"
                    "</ul>"
                    "<p>She tells Mr Ford that stage one has not resolved it.</p>"
                ),
            },
        ),
        # 11
        (
            "decision",
            {
                "title": "It isn't resolved. What next?",
                "situation": (
                    "<p>Sam has listened but kept his decision. Anita still believes "
                    "Kyle and Ruby need an assessment, and that no one has looked "
                    "at the past year as a whole.</p>"
                ),
                "question": "What should Anita do now?",
                "options": [
                    {
                        "label": "Accept the decision. Sam knows the threshold better than she does.",
                        "feedback": (
                            "<p>Respecting colleagues' expertise matters, but Anita "
                            "knows these children best, and her concern is based on "
                            "evidence. The process exists for exactly this. If she "
                            "stops now, the chronology sits on a file and Kyle and "
                            "Ruby carry on as before.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Move to the next stage: raise it with Sam's manager "
                            "within the procedure's timescales, using the partnership's "
                            "template, and say what outcome she is asking for."
                        ),
                        "feedback": (
                            "<p>This is the right step. A manager can look at the "
                            "referrals together and take a different view. Using the "
                            "template keeps a clear record. Being specific helps: "
                            "Anita asks for the referrals to be reviewed as a whole "
                            "and for an assessment of Kyle and Ruby's needs, with "
                            "school, health and police involved. The focus stays on "
                            "the children, not on who was right.</p>"
                        ),
                        "rating": "stronger",
                        "go_to": "",
                    },
                    {
                        "label": "Send a new MARF, this time with stronger wording.",
                        "feedback": (
                            "<p>Stronger words do not change the route. The form is "
                            "still a new referral, screened on its own, and may be "
                            "closed like the others. It also takes the disagreement "
                            "out of the challenge process, where it can be tracked "
                            "and resolved.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                    {
                        "label": "Wait until after half-term to see whether Kyle's attendance improves.",
                        "feedback": (
                            "<p>Waiting lets the challenge go cold and adds weeks to a "
                            "year of drift. Even if attendance improves for a while, "
                            "the wider neglect would not have been assessed. The "
                            "procedure has timescales so that challenges keep "
                            "moving.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                ],
            },
        ),
        # 12
        (
            "knowledge_check",
            {
                "title": "Check your understanding: immediate risk",
                "question": (
                    "Imagine that, while the challenge is under way, Ruby tells you at "
                    "3pm on a Friday that no adult will be at home this weekend. What "
                    "should you do?"
                ),
                "options": [
                    {
                        "label": "Add it to the challenge record and wait for the MASH manager's reply",
                        "is_correct": False,
                        "feedback": (
                            "No. The challenge process is for disagreements about "
                            "decisions. It must never delay action to protect a child "
                            "who may be at immediate risk."
                        ),
                    },
                    {
                        "label": (
                            "Act now: phone the MASH as an urgent referral, or the "
                            "emergency duty team out of hours, and call 999 if a "
                            "child is in immediate danger"
                        ),
                        "is_correct": True,
                        "feedback": (
                            "Correct. Act straight away, then record what you did and "
                            "tell the people involved in the challenge."
                        ),
                    },
                    {
                        "label": "Email Sam Ellis so he can add it to the file",
                        "is_correct": False,
                        "feedback": (
                            "No. An email may not be read in time, and it treats an "
                            "emergency as part of the disagreement. Speak to someone "
                            "now."
                        ),
                    },
                    {
                        "label": "Reassure Ruby that Kyle will look after her",
                        "is_correct": False,
                        "feedback": (
                            "No. A 13-year-old is not a safe carer for a 7-year-old "
                            "for a whole weekend, and this puts the responsibility "
                            "on the children."
                        ),
                    },
                ],
                "explanation": (
                    "<p>If a child is at immediate risk, do not wait for an "
                    "escalation to finish. Make an urgent referral by phone, use the "
                    "emergency duty team out of hours when the MASH is closed, and "
                    "call the police on 999 if a child is in immediate danger. Tell "
                    "your DSL or safeguarding lead. The challenge carries on "
                    "alongside.</p>"
                ),
            },
        ),
        # 13
        (
            "narrative",
            {
                "title": "Staying involved, and the outcome",
                "body": (
                    "<p>A challenge does not put the school's work on hold. While it "
                    "is resolved, Anita keeps doing her part:</p>"
                    "<ul>"
                    "<li>the office phones home on the first morning of any absence</li>"
                    "<li>Ruby gets a free breakfast club place</li>"
                    "<li>Kyle's football coach becomes his trusted adult in school</li>"
                    "<li>Anita talks openly with Lisa and Imran about the school's "
                    "worries and the help on offer</li>"
                    "<li>she keeps recording, and keeps in touch with Grace and "
                    "Dr Osei</li>"
                    "</ul>"
                    "<p>Within the procedure's timescales, the MASH team manager, "
                    "Joanne Bell, reviews all the referrals together with the "
                    "chronology and the GP's new referral. She agrees that no one had "
                    "looked at the whole picture. She allocates a social worker to "
                    "assess the children's needs, and asks the school, school nurse, "
                    "GP and police to contribute. She records the outcome and thanks "
                    "Anita for challenging.</p>"
                    "<p>If Joanne had not agreed, Anita's next step would have been "
                    "more senior managers, and then the partnership.</p>"
                    "<p>For the first time in a year, someone is asking what life is "
                    "really like for Kyle and Ruby at home.</p>"
                ),
            },
        ),
        # 14
        (
            "reflection",
            {
                "title": "Your own practice",
                "prompt": (
                    "<p>Think about a child you have referred more than once, or a "
                    "decision you disagreed with.</p>"
                    "<ul>"
                    "<li>What did you do when the referral was closed?</li>"
                    "<li>What stopped you challenging? For example time, confidence, "
                    "not wanting to upset a colleague, or not knowing the route.</li>"
                    "<li>Do you know where to find the partnership's current "
                    "Professional Challenge and Resolution procedure and template?</li>"
                    "<li>Who in your agency would support you: your DSL, named "
                    "professional or safeguarding lead?</li>"
                    "</ul>"
                    "<p>Write down one thing you will do differently next time a "
                    "referral comes back with an answer you believe leaves a child "
                    "unsafe.</p>"
                ),
            },
        ),
        # 15
        (
            "key_learning",
            {
                "title": "What to take away",
                "body": (
                    "<ul>"
                    "<li><strong>Escalate, don't re-refer.</strong> Sending the same "
                    "concerns again tends to get the same answer. Contact the "
                    "allocated social worker, or use the partnership's Professional "
                    "Challenge and Resolution process.</li>"
                    "<li><strong>Start with the person who made the decision.</strong> "
                    "Then go to their manager, more senior managers and, finally, the "
                    "partnership, within the timescales in the procedure.</li>"
                    "<li><strong>Anyone can challenge.</strong> It is about the "
                    "child's outcome, not winning an argument. Involve your DSL or "
                    "safeguarding lead, and record every step.</li>"
                    "<li><strong>Bring the chronology.</strong> Put the history side "
                    "by side so that repeated concerns are seen as a pattern.</li>"
                    "<li><strong>GPs refer for themselves.</strong> Do not rely on "
                    "other agencies to pass on what only you know.</li>"
                    "<li><strong>Stay involved,</strong> and if a child is at "
                    "immediate risk, act now. Never wait for an escalation.</li>"
                    "<li><strong>Local trigger point.</strong> This review asked the "
                    "MASH to consider reviewing a child's case after three referrals "
                    "in succession. That is a local recommendation, not a national "
                    "rule.</li>"
                    "</ul>"
                ),
                "learning_points": [2, 3, 8, 9, 10],
            },
        ),
    ],
    "quiz": {
        "settings": {
            "pass_mark": 80,
            "attempts_allowed": 3,
            "draw_count": 8,
            "shuffle_questions": True,
            "shuffle_options": True,
            "time_limit_minutes": None,
            "grading": "highest",
            "review_content": "incorrect",
            "review_timing": "immediately",
        },
        "questions": [
            # 1: what the procedure is for
            (
                "single",
                {
                    "question": (
                        "What is this partnership's Professional Challenge and "
                        "Resolution procedure for?"
                    ),
                    "options": [
                        {
                            "label": (
                                "Getting the right outcome for a child when you "
                                "disagree with another professional's or agency's "
                                "decision about them"
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Correct. It is a route to resolve professional "
                                "disagreements, and the focus is always on what the "
                                "child needs."
                            ),
                        },
                        {
                            "label": "Making a formal complaint about a colleague's conduct or attitude",
                            "is_correct": False,
                            "feedback": (
                                "No. A challenge is not a complaint. It is about a "
                                "decision and its effect on a child, and being "
                                "challenged is a normal part of safe practice."
                            ),
                        },
                        {
                            "label": "Settling which agency was right about a case",
                            "is_correct": False,
                            "feedback": (
                                "No. The aim is the right outcome for the child, not "
                                "winning an argument between agencies."
                            ),
                        },
                        {
                            "label": "Protecting a child who is at immediate risk",
                            "is_correct": False,
                            "feedback": (
                                "No. If a child is at immediate risk, act at once "
                                "with an urgent referral or by calling the police. A "
                                "challenge can run alongside, but it is never the "
                                "way to deal with an emergency."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Use the procedure to challenge a decision, or to raise "
                        "further concerns about how a child's case is being handled. "
                        "It is professional, not personal, and it must never delay "
                        "action to protect a child. The procedure is this "
                        "partnership's own, so check the current version for its "
                        "stages and forms.</p>"
                    ),
                },
            ),
            # 2: good practice when challenging
            (
                "multiple",
                {
                    "question": (
                        "You disagree with a decision about a child and decide to use "
                        "this partnership's Professional Challenge and Resolution "
                        "procedure. Which of these are good practice? Select all that "
                        "apply."
                    ),
                    "options": [
                        {
                            "label": "Start with the practitioner who made the decision",
                            "is_correct": True,
                            "feedback": (
                                "Yes. They can look at it again quickly, and many "
                                "disagreements are resolved in this first "
                                "conversation."
                            ),
                        },
                        {
                            "label": "Check the partnership's current procedure and template before you start",
                            "is_correct": True,
                            "feedback": (
                                "Yes. Stages, timescales and forms can change, so "
                                "work from the latest version."
                            ),
                        },
                        {
                            "label": (
                                "Record each step: who you spoke to, the decision you "
                                "disagree with, their reasons and what happens next"
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Yes. A clear record keeps the challenge moving and "
                                "shows what was decided and why."
                            ),
                        },
                        {
                            "label": "Pause your own agency's support for the child until the challenge is resolved",
                            "is_correct": False,
                            "feedback": (
                                "No. A challenge does not put your work on hold. Keep "
                                "doing your part for the child while it is resolved."
                            ),
                        },
                        {
                            "label": "Go straight to the most senior manager you can reach, so the challenge is taken seriously",
                            "is_correct": False,
                            "feedback": (
                                "No. Skipping stages usually adds delay. Senior "
                                "managers are the right people if earlier stages do "
                                "not resolve it."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Start with the person who made the decision, then move "
                        "through the stages in the procedure if it is not resolved. "
                        "Work from the current procedure and template, record every "
                        "step, and keep supporting the child throughout.</p>"
                    ),
                },
            ),
            # 3: no permission needed
            (
                "true_false",
                {
                    "statement": (
                        "You need your manager's permission before you can challenge "
                        "another agency's decision about a child."
                    ),
                    "answer": "false",
                    "feedback_true": (
                        "Not quite. Any practitioner, in any agency and at any level, "
                        "can raise a challenge without permission."
                    ),
                    "feedback_false": (
                        "Right. You do not need permission to challenge, although your "
                        "safeguarding lead can advise and support you."
                    ),
                    "explanation": (
                        "<p>Anyone who works with a child can challenge a decision "
                        "they believe leaves that child unsafe. Do involve your "
                        "agency's safeguarding lead, such as your DSL, named nurse or "
                        "practice safeguarding lead. They can help you prepare and "
                        "support you through each stage.</p>"
                    ),
                },
            ),
            # 4: the trigger point is local
            (
                "true_false",
                {
                    "statement": (
                        "Working Together to Safeguard Children 2023 requires every "
                        "MASH to review a child's case after three referrals in "
                        "succession."
                    ),
                    "answer": "false",
                    "feedback_true": (
                        "Not quite. The three-referral 'trigger point' is a "
                        "recommendation from this local review for this partnership's "
                        "MASH. It is not a national rule."
                    ),
                    "feedback_false": (
                        "Right. The trigger point comes from this local review, which "
                        "asked the MASH to consider it. It is not national guidance."
                    ),
                    "explanation": (
                        "<p>This review asked the local MASH to consider a 'trigger "
                        "point', such as reviewing a child's case when three "
                        "referrals arrive in succession. Check with your MASH how it "
                        "works now. A trigger point is a safety net: if you disagree "
                        "with a decision, challenge it yourself.</p>"
                    ),
                },
            ),
            # 5: immediate risk comes first
            (
                "true_false",
                {
                    "statement": (
                        "If a child is at immediate risk while you are challenging a "
                        "decision about them, you should act straight away rather "
                        "than wait for the challenge to be resolved."
                    ),
                    "answer": "true",
                    "feedback_true": (
                        "Right. A disagreement between professionals must never delay "
                        "protecting a child."
                    ),
                    "feedback_false": (
                        "Not quite. The challenge process is for disagreements about "
                        "decisions. If a child is at immediate risk, act now and let "
                        "the challenge carry on alongside."
                    ),
                    "explanation": (
                        "<p>Make an urgent referral by phone, contact the emergency "
                        "duty team when the MASH is closed, or call 999 if a child is "
                        "in immediate danger. Tell your safeguarding lead, record what "
                        "you did, and let the people involved in the challenge "
                        "know.</p>"
                    ),
                },
            ),
            # 6: why repeat referrals get the same answer
            (
                "single",
                {
                    "question": (
                        "A referral about a child is closed with no further action. "
                        "Months later the same worries are sent to the MASH again, "
                        "with nothing new and no analysis of what they mean together. "
                        "Why is the outcome likely to be the same?"
                    ),
                    "options": [
                        {
                            "label": (
                                "Each referral is screened on what it says, so the "
                                "same concerns without new information or analysis "
                                "tend to get the same decision"
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Correct. Nothing in a repeat referral asks anyone to "
                                "look at the earlier decisions together."
                            ),
                        },
                        {
                            "label": "The MASH does not accept a second referral about the same child within a year",
                            "is_correct": False,
                            "feedback": (
                                "No. Anyone with a new safeguarding concern can "
                                "refer. The problem is that repeat referrals are "
                                "usually screened one at a time."
                            ),
                        },
                        {
                            "label": "Referrals only carry weight when two agencies send them on the same day",
                            "is_correct": False,
                            "feedback": (
                                "No. More forms do not add up to more weight. Each "
                                "one is still screened on its own."
                            ),
                        },
                        {
                            "label": "Repeat referrals are passed straight to early help without being read",
                            "is_correct": False,
                            "feedback": (
                                "No. Each referral is read and screened. It is the "
                                "lack of a whole-picture review that leads to the "
                                "same answer."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Repeat referrals can even make a family look 'known and "
                        "managed' when no one is actually helping. This review asks "
                        "professionals not to keep re-referring, but to contact the "
                        "allocated social worker or use this partnership's "
                        "Professional Challenge and Resolution procedure.</p>"
                    ),
                },
            ),
            # 7: the chronology
            (
                "single",
                {
                    "question": (
                        "Four agencies have each referred a child to the MASH over a "
                        "year, and each referral was closed. What will best help the "
                        "MASH see whether this is cumulative neglect?"
                    ),
                    "options": [
                        {
                            "label": (
                                "A chronology that puts every agency's concerns side "
                                "by side, with what they mean for the child"
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Correct. Read together, concerns that each look "
                                "low-level can show a pattern no single referral "
                                "does."
                            ),
                        },
                        {
                            "label": "A detailed account of the most recent incident only, so the message is clear",
                            "is_correct": False,
                            "feedback": (
                                "No. Chronic neglect rarely shows itself in one "
                                "incident. The pattern over time is the evidence."
                            ),
                        },
                        {
                            "label": "Your own agency's records only, because you cannot vouch for other agencies' information",
                            "is_correct": False,
                            "feedback": (
                                "No. Each agency holds part of the picture. Sharing "
                                "and combining it is how the pattern becomes "
                                "visible."
                            ),
                        },
                        {
                            "label": "A list of concerns with the family's strengths left out, so the worries are not watered down",
                            "is_correct": False,
                            "feedback": (
                                "No. Record strengths too. They are real, but they "
                                "should not cancel out needs that are still not "
                                "being met."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Chronic neglect often shows itself as a run of concerns "
                        "that each look low-level on their own. A multi-agency "
                        "chronology shows how long needs have gone unmet and the "
                        "impact on the child, so the person reviewing the decision "
                        "can see the whole picture.</p>"
                    ),
                },
            ),
            # 8: scenario, GP makes her own referral
            (
                "scenario",
                {
                    "vignette": (
                        "<p>Dr Priya Natt is the safeguarding lead at a GP practice. "
                        "Leo, who is 4, has not been brought to three hospital "
                        "appointments about his hearing, and he has untreated tooth "
                        "decay. His weight has fallen well below what is expected for "
                        "his age.</p>"
                        "<p>At a meeting, the nursery manager mentions that the "
                        "nursery referred Leo to the MASH last month because he often "
                        "arrives hungry. The practice has not referred.</p>"
                    ),
                    "question": "What should Dr Natt do?",
                    "answer_type": "single",
                    "options": [
                        {
                            "label": (
                                "Make the practice's own referral to the MASH with "
                                "its health information, and mention the nursery's "
                                "recent referral"
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Correct. The practice holds first-hand health "
                                "information no one else has, and the GP is the best "
                                "person to explain what it means for Leo."
                            ),
                        },
                        {
                            "label": "Rely on the nursery's referral, as the MASH already knows about Leo",
                            "is_correct": False,
                            "feedback": (
                                "No. The MASH only knows what the nursery told it. "
                                "Leo's missed hearing appointments, teeth and weight "
                                "will not be seen unless the practice shares them."
                            ),
                        },
                        {
                            "label": "Send a summary of Leo's records to the nursery so they can add it to their referral",
                            "is_correct": False,
                            "feedback": (
                                "Sharing information is right, but this relies on "
                                "another agency to speak for the practice. Nursery "
                                "staff cannot explain the clinical meaning of the "
                                "records."
                            ),
                        },
                        {
                            "label": "Send the family another appointment letter and review Leo in three months",
                            "is_correct": False,
                            "feedback": (
                                "No. Leo depends on adults to bring him, and "
                                "reminders have not worked so far. Waiting adds to "
                                "the drift."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>This review found that GPs sometimes relied on other "
                        "agencies to refer. Where there are noticeable safeguarding "
                        "concerns, a GP should make their own referral. New health "
                        "information is not a repeat referral: it adds something the "
                        "MASH has not seen.</p>"
                    ),
                },
            ),
            # 9: scenario, school nurse's first step
            (
                "scenario",
                {
                    "vignette": (
                        "<p>Bethan Hughes is a school nurse. She has referred Jayden, "
                        "who is 9, to the MASH twice this year because he is often "
                        "hungry, has untreated head lice and has missed dental care. "
                        "Both referrals were closed with signposting to early help, "
                        "which the family has not taken up.</p>"
                        "<p>Today Bethan has the same worries again. Jayden is not in "
                        "immediate danger and has no allocated social worker. The "
                        "last decision was made by Owen Grant, a MASH social worker. "
                        "Bethan believes it leaves Jayden's needs unmet.</p>"
                    ),
                    "question": "What should Bethan do first?",
                    "answer_type": "single",
                    "options": [
                        {
                            "label": "Send a third referral marked 'urgent' so that it stands out",
                            "is_correct": False,
                            "feedback": (
                                "No. Marking it urgent does not change what it says. "
                                "The same concerns are likely to be screened the "
                                "same way again."
                            ),
                        },
                        {
                            "label": (
                                "Phone Owen, say she is challenging his decision "
                                "under this partnership's Professional Challenge and "
                                "Resolution procedure, and talk him through her "
                                "chronology"
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Correct. Start with the person who made the "
                                "decision. A direct conversation with the history to "
                                "hand gives him the chance to see the pattern."
                            ),
                        },
                        {
                            "label": "Ask the school's DSL to refer instead, so the MASH hears from the school as well",
                            "is_correct": False,
                            "feedback": (
                                "No. Another referral about the same concerns is "
                                "likely to get the same answer, whoever sends it. "
                                "Bethan can raise the challenge herself."
                            ),
                        },
                        {
                            "label": "Write to the director of children's services to get senior attention",
                            "is_correct": False,
                            "feedback": (
                                "No. This skips the stages that can resolve things "
                                "quickly. Senior managers are the right people "
                                "later, if earlier stages do not work."
                            ),
                        },
                        {
                            "label": "Wait, because the MASH will review Jayden's case automatically after a third referral",
                            "is_correct": False,
                            "feedback": (
                                "No. A trigger point after three referrals was a "
                                "local recommendation for the MASH to consider, not "
                                "a guarantee. It does not replace your own challenge."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Escalate, don't re-refer. Speak first to the person who "
                        "made the decision, tell your safeguarding lead, and record "
                        "the conversation. If it is not resolved, move to the next "
                        "stage in the procedure.</p>"
                    ),
                },
            ),
            # 10: scenario, police officer and immediate risk
            (
                "scenario",
                {
                    "vignette": (
                        "<p>PC Tom Hale is called to a flat at 11pm. Ava, who is 8, "
                        "and her brother Noah, who is 4, are alone. Their mother works "
                        "nights and is not answering her phone. The flat is cold and "
                        "Noah has a high temperature.</p>"
                        "<p>A check shows that last week the children's school "
                        "challenged a MASH decision about them.</p>"
                    ),
                    "question": "What should PC Hale do?",
                    "answer_type": "single",
                    "options": [
                        {
                            "label": (
                                "Make sure the children are safe and Noah gets "
                                "medical help, contact the out-of-hours emergency "
                                "duty team now, and mention the school's challenge"
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Correct. The children are at immediate risk, so he "
                                "acts now. Mentioning the challenge helps social care "
                                "link tonight's events to what is already known."
                            ),
                        },
                        {
                            "label": "Record the visit and pass it to the school so they can add it to their challenge",
                            "is_correct": False,
                            "feedback": (
                                "No. A challenge is for disagreements about "
                                "decisions. It is not a way to respond to children "
                                "who are at risk tonight."
                            ),
                        },
                        {
                            "label": "Wait until the mother comes home, then leave the concerns to the school's challenge",
                            "is_correct": False,
                            "feedback": (
                                "No. Noah needs medical help, and the challenge will "
                                "not protect either child tonight. Immediate risk "
                                "needs action now."
                            ),
                        },
                        {
                            "label": "Email the MASH manager dealing with the challenge so she sees it when she is next at work",
                            "is_correct": False,
                            "feedback": (
                                "No. An email may not be read for hours or days. Out "
                                "of hours, speak to the emergency duty team straight "
                                "away."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>A professional challenge must never delay action to "
                        "protect a child. When a child is at immediate risk, make them "
                        "safe and make an urgent referral, using the emergency duty "
                        "team out of hours. The challenge carries on alongside, and "
                        "the new information should reach the people involved.</p>"
                    ),
                },
            ),
            # 11: scenario, health visitor and an allocated social worker
            (
                "scenario",
                {
                    "vignette": (
                        "<p>Sarah Quinn is a health visitor. Maisie, who is 2, has an "
                        "allocated social worker, Kate Morris, who is assessing the "
                        "family's needs.</p>"
                        "<p>On a home visit, Sarah sees that Maisie has a sore, "
                        "untreated nappy rash and there is very little food in the "
                        "kitchen. Maisie's mother, Gemma, is open with Sarah: money "
                        "ran out this week and she has felt too low to go out. Maisie "
                        "is not in immediate danger.</p>"
                    ),
                    "question": "Which of these should Sarah do? Select all that apply.",
                    "answer_type": "multiple",
                    "options": [
                        {
                            "label": (
                                "Contact Kate today to share what she has seen and "
                                "ask how it will be taken into account"
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Yes. When a child has an allocated social worker, "
                                "take new concerns to them directly."
                            ),
                        },
                        {
                            "label": "Send a new referral to the MASH with the same information, so there is a formal record",
                            "is_correct": False,
                            "feedback": (
                                "No. This review asks professionals to contact the "
                                "allocated social worker instead. A new referral may "
                                "be screened apart from Kate's assessment."
                            ),
                        },
                        {
                            "label": "Record what she saw, what she shared with Kate and Kate's response",
                            "is_correct": True,
                            "feedback": (
                                "Yes. A clear record shows what was shared, when, "
                                "and what was agreed."
                            ),
                        },
                        {
                            "label": (
                                "If Kate does not act on the concerns and Sarah "
                                "believes Maisie is left unsafe, raise it with Kate's "
                                "manager under this partnership's procedure"
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Yes. If talking to the social worker does not "
                                "resolve it, the next step is their manager."
                            ),
                        },
                        {
                            "label": "Keep the concerns for the next planned meeting about Maisie",
                            "is_correct": False,
                            "feedback": (
                                "No. Waiting delays help for Maisie and leaves Kate "
                                "assessing without up-to-date information."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Where a child has an allocated social worker, share new "
                        "concerns with them directly rather than sending another "
                        "referral. If that does not resolve things, use this "
                        "partnership's Professional Challenge and Resolution "
                        "procedure, starting with the social worker's manager. Keep "
                        "supporting the family while you do.</p>"
                    ),
                },
            ),
            # 12: scenario, youth worker and the next stage
            (
                "scenario",
                {
                    "vignette": (
                        "<p>Chloe Mensah is a youth worker at a local charity. Ellie, "
                        "who is 14, often tells Chloe there is no food at home and "
                        "that she looks after her younger brothers most evenings. The "
                        "MASH closed Chloe's referral with no further action.</p>"
                        "<p>Chloe challenged the decision with the MASH social worker "
                        "who made it. He listened and explained his reasons, but kept "
                        "his decision. Chloe still believes no one has assessed "
                        "Ellie's needs.</p>"
                    ),
                    "question": "What should Chloe do next?",
                    "answer_type": "single",
                    "options": [
                        {
                            "label": "Accept the decision, because the MASH knows the threshold better than a voluntary sector worker",
                            "is_correct": False,
                            "feedback": (
                                "No. Any practitioner can challenge, and Chloe knows "
                                "Ellie well. When a concern is based on evidence, the "
                                "procedure exists for exactly this."
                            ),
                        },
                        {
                            "label": (
                                "Raise it with the social worker's manager, as this "
                                "partnership's procedure sets out, and say what "
                                "outcome she is asking for"
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Correct. A manager can take a fresh look. Asking for "
                                "something specific, such as an assessment of "
                                "Ellie's needs, keeps the focus on Ellie."
                            ),
                        },
                        {
                            "label": "Send a new referral with stronger wording",
                            "is_correct": False,
                            "feedback": (
                                "No. A new referral is screened on its own. It also "
                                "takes the disagreement out of the procedure, where "
                                "it can be tracked and resolved."
                            ),
                        },
                        {
                            "label": "Take it straight to the safeguarding partnership, because the first conversation did not work",
                            "is_correct": False,
                            "feedback": (
                                "No. The partnership is usually the last stage, once "
                                "managers have had the chance to resolve it. The "
                                "social worker's manager is the quicker route to a "
                                "fresh decision."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>If the first conversation does not resolve a "
                        "disagreement, move to the next stage: usually the "
                        "decision-maker's manager, then more senior managers, and "
                        "finally the partnership. Follow the timescales and template "
                        "in the partnership's current procedure, tell your "
                        "safeguarding lead and record each step.</p>"
                    ),
                },
            ),
        ],
    },
}
