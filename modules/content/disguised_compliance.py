"""Disguised compliance and non-compliance: cooperation is not the same as change.

Review learning point 11 (recognising and acting on disguised or non-compliance),
with 12 (GPs, schools and school nurses sharing health and attendance information)
and recommendation 1 (revisit the Neglect Strategy and GCP2).

The Okoro-Bennett family is fictional. Local practices (the MARF, the MASH, the
Professional Challenge and Resolution procedure, GCP2 as the agreed neglect tool)
are labelled as this partnership's own. The GCP2 step uses original case material
and rationales only: no GCP2 descriptors.
"""

MODULE = {
    "slug": "disguised-compliance",
    "title": "Disguised compliance and non-compliance",
    "summary": (
        "Jodie and Samuel come to every meeting and agree to every action, but "
        "little changes for Leon and Grace. Follow the Okoro-Bennett family over six "
        "months to learn how to tell cooperation with professionals from real change "
        "for children, and what to do when promises are not kept."
    ),
    "outcomes": [
        "tell disguised compliance apart from genuine engagement and non-compliance",
        "judge progress by what has changed for the child, not by how parents engage",
        "test what parents tell you with other agencies, unannounced visits and time "
        "with the child",
        "recognise start again syndrome and drift, and use a chronology to prevent them",
        "use supervision and escalation when a plan is not changing a child's life",
    ],
    "estimated_minutes": 45,
    "cpd_minutes": 45,
    "refresher_months": 36,
    "recommendations": [1],
    "learning_points": [11, 12],
    "audiences": [
        "childrens_social_care",
        "early_help",
        "education",
        "primary_care",
        "community_health",
        "acute_health",
        "housing",
        "police",
        "mental_health",
        "adult_social_care",
        "voluntary_sector",
    ],
    "steps": [
        # 1
        (
            "narrative",
            {
                "name": "family",
                "title": "Meet the Okoro-Bennett family",
                "body": (
                    "<p>Jodie Bennett and Samuel Okoro rent a three-bedroom house in "
                    "the town with their children, Leon, who is 11, and Grace, who is "
                    "4. Samuel works night shifts at a distribution centre. Jodie lost "
                    "her job in a shop last year.</p>"
                    "<p>In September, Leon's school raised concerns. He was often late "
                    "and tired, and said he could not see the board because his "
                    "glasses were broken. The health visitor was worried too. Grace's "
                    "speech was well behind for her age, she kept getting ear "
                    "infections, and she had no bed of her own.</p>"
                    "<p>After an assessment, children's social care agreed a Child in "
                    "Need plan in October. Jodie and Samuel signed it straight away. "
                    "They have come to every meeting since. They are friendly, "
                    "apologetic and quick to agree. Professionals describe them as "
                    "“lovely” and “really trying”.</p>"
                    "<p>In this module you will follow the family over six months, "
                    "through the eyes of several practitioners. Keep one question in "
                    "mind throughout:</p>"
                    "<p><strong>What has actually changed for Leon and Grace, and how "
                    "do we know?</strong></p>"
                ),
            },
        ),
        # 2
        (
            "narrative",
            {
                "name": "three-responses",
                "title": "Cooperation is not the same as change",
                "body": (
                    "<p>Parents respond to professional concern in different ways. It "
                    "helps to name three broad patterns.</p>"
                    "<ul>"
                    "<li><strong>Genuine engagement.</strong> Parents accept there is "
                    "a problem, even when it is hard to hear. They agree what needs to "
                    "change, and it does change for the child. Others can see the "
                    "change, and it lasts when professionals step back. Progress may "
                    "still be slow and uneven.</li>"
                    "<li><strong>Non-compliance.</strong> Parents openly refuse or "
                    "avoid help. They do not answer the door, turn down services or "
                    "miss meetings. This is easier to see, though not easier to work "
                    "with.</li>"
                    "<li><strong>Disguised compliance.</strong> Parents appear to "
                    "cooperate. They attend, agree and report progress, but little "
                    "changes for the child, or change happens only briefly or only when "
                    "professionals are watching.</li>"
                    "</ul>"
                    "<p>Signs of disguised compliance include:</p>"
                    "<ul>"
                    "<li>a sudden improvement in one visible area just before a review, "
                    "or when action is mentioned</li>"
                    "<li>agreeing to actions that are then not carried out</li>"
                    "<li>appointments cancelled and rebooked again and again</li>"
                    "<li>a tidy home at announced visits, but no answer at unannounced "
                    "ones</li>"
                    "<li>working well with one agency while avoiding another</li>"
                    "<li>the child's account being different from the parents'</li>"
                    "</ul>"
                    "<p>Use the term to describe a pattern, not a motive. Parents may "
                    "be frightened, ashamed, unwell, overwhelmed or unsure what is "
                    "being asked of them. Find out why. But whatever the reason, the "
                    "measure of progress is the child's daily life.</p>"
                ),
            },
        ),
        # 3
        (
            "decision",
            {
                "name": "not-brought",
                "title": "Another missed hearing test",
                "situation": (
                    "<p>It is November. You are a GP. Jodie brings Grace in with "
                    "earache. It is Grace's third ear infection since the summer. She "
                    "is quiet, pulls at her ear and answers your questions by "
                    "pointing.</p>"
                    "<p>Grace's record shows two letters from the audiology service. "
                    "She was not brought to her hearing test in September or in "
                    "October. Each time, Jodie phoned afterwards to rebook. There is "
                    "also a note that the family has a Child in Need plan and an "
                    "allocated social worker.</p>"
                    "<p>Jodie is tearful and apologetic. “The bus never came. I'll "
                    "ring them today, I promise.”</p>"
                ),
                "question": "As well as treating Grace's infection, what do you do?",
                "options": [
                    {
                        "label": (
                            "Advise Jodie to rebook the hearing test, and note what "
                            "she has told you."
                        ),
                        "feedback": (
                            "<p>This takes Jodie's promise at face value, even though "
                            "the same promise has been made twice before. Grace's "
                            "hearing stays unchecked while her speech falls further "
                            "behind, and nobody else working with the family knows. "
                            "One missed appointment may mean little. Repeated missed "
                            "health care for a child with a Child in Need plan is a "
                            "concern in its own right.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Record that Grace was not brought, ask audiology for an "
                            "early appointment yourself, and tell the social worker, "
                            "health visitor and school nurse today."
                        ),
                        "feedback": (
                            "<p>This puts Grace's needs first and tests the promise "
                            "rather than relying on it. Recording “was not brought” "
                            "rather than “did not attend” keeps the focus on Grace, "
                            "who cannot get herself there. Sharing the information "
                            "means the pattern can be seen across agencies and raised "
                            "at the next review. This is the joint working between "
                            "GPs, schools and school nurses that the review asks for. "
                            "Be open with Jodie: say you are worried about Grace's "
                            "hearing and speech, and that you will share this with "
                            "the team working with the family.</p>"
                        ),
                        "rating": "stronger",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Send a new referral (MARF) to the MASH about Grace's "
                            "missed health care."
                        ),
                        "feedback": (
                            "<p>Putting your concern in writing is right, and a GP "
                            "should not leave referrals to other agencies. But Grace "
                            "already has an allocated social worker. The review asked "
                            "professionals not to keep sending MARFs into the MASH "
                            "when a child already has a social worker, but to contact "
                            "that social worker directly. (The MARF and the MASH are "
                            "this partnership's local arrangements.) A phone call gets "
                            "the information to the person making decisions about "
                            "Grace much faster.</p>"
                        ),
                        "rating": "acceptable",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Tell Jodie that if Grace misses another appointment you "
                            "will have to report it to social care."
                        ),
                        "feedback": (
                            "<p>A threat tends to produce short bursts of compliance, "
                            "not lasting change. It also teaches parents what to show "
                            "professionals, which is how disguised compliance "
                            "develops. And it holds back information that the "
                            "professionals working with Grace need now.</p>"
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
                "name": "review-meeting",
                "title": "The five-month review",
                "body": (
                    "<p>It is February. The Child in Need review meeting is held at "
                    "Leon's school. Jodie and Samuel arrive early and bring "
                    "biscuits.</p>"
                    "<p>Jodie reports good news:</p>"
                    "<ul>"
                    "<li>Grace's hearing test is booked for next month.</li>"
                    "<li>The back bedroom has been cleared, and Grace has her own "
                    "bed.</li>"
                    "<li>Leon's new glasses have been ordered.</li>"
                    "<li>The speech and language therapy referral is “all "
                    "sorted”.</li>"
                    "</ul>"
                    "<p>The school reports that Leon's attendance over the last four "
                    "weeks was 97%, with no late marks. The family support worker says "
                    "the parents came to all four parenting sessions and put a morning "
                    "routine chart on the fridge. The health visitor's last visit was "
                    "announced, and the living room was clean and tidy.</p>"
                    "<p>Nobody has seen Grace's bedroom. Nobody has spoken to Leon on "
                    "his own since the assessment in the autumn.</p>"
                    "<p>The chair sums up: “This is real progress. I think we can close "
                    "the Child in Need plan and step down to early help.” Samuel "
                    "thanks everyone. Jodie says, “We just want to show you we can do "
                    "it.”</p>"
                ),
            },
        ),
        # 5: the weaker choice branches to "start-again"; every other choice goes
        # straight on to "testing-claims".
        (
            "decision",
            {
                "name": "step-down",
                "title": "Step down, or keep going?",
                "situation": (
                    "<p>You are the family's social worker. The others at the table "
                    "look at you. You want to recognise the effort Jodie and Samuel "
                    "have made.</p>"
                    "<p>You also notice that almost everything reported today is "
                    "either something a parent has said, or something that happened "
                    "in the four weeks before the meeting.</p>"
                ),
                "question": "What do you say?",
                "options": [
                    {
                        "label": (
                            "Agree to step down to early help. The parents are "
                            "engaging well, and Leon's attendance shows things are "
                            "improving."
                        ),
                        "feedback": (
                            "<p>This decision rests on the parents' engagement and on "
                            "a four-week improvement timed for the review. None of "
                            "the claims about Grace's bed, hearing test or speech "
                            "therapy has been checked with the agency that would "
                            "know, and neither child has been seen alone. Stepping "
                            "down now risks support ending before anything has "
                            "changed for Leon and Grace. Continue to see what this "
                            "could have meant.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "start-again",
                    },
                    {
                        "label": (
                            "Keep the plan open for four more weeks. Check each claim "
                            "with the agency that would know, visit without an "
                            "appointment, and see both children, including Leon on "
                            "his own."
                        ),
                        "feedback": (
                            "<p>This is respectful uncertainty. You take what the "
                            "parents say seriously, then check it openly against "
                            "other evidence. Tell Jodie and Samuel what you will "
                            "check and why. That is honest, and it gives them the "
                            "chance to tell you about anything that is not going as "
                            "well as they hoped. The short timescale avoids drift, "
                            "and the decision about stepping down will rest on what "
                            "Leon and Grace are experiencing.</p>"
                        ),
                        "rating": "stronger",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Keep the plan open and ask each agency to send a written "
                            "update before the next review in three months."
                        ),
                        "feedback": (
                            "<p>Asking other agencies is better than relying on the "
                            "parents' account alone. But three months is a long time "
                            "for a 4-year-old with untreated ear problems and no bed. "
                            "Written updates will not tell you what a morning at home "
                            "is like, or what Leon thinks. Add your own observation "
                            "and time with the children, and shorten the "
                            "timescale.</p>"
                        ),
                        "rating": "acceptable",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Say that you think the parents are putting on a show for "
                            "professionals, and ask for a child protection "
                            "conference."
                        ),
                        "feedback": (
                            "<p>Your doubts may be well founded, but you have not yet "
                            "tested them. A label is not evidence, and it says "
                            "nothing about what the children are experiencing. "
                            "Challenging the parents in front of the group, without "
                            "evidence, is likely to make them defensive and less "
                            "open. Child protection decisions should rest on evidence "
                            "of harm to the children, gathered and shared across "
                            "agencies.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                ],
                "continue_to": "testing-claims",
            },
        ),
        # 6: branch, reached only by agreeing to step down.
        (
            "narrative",
            {
                "name": "start-again",
                "title": "What stepping down could have meant",
                "body": (
                    "<p>This is one way the case could have gone.</p>"
                    "<p>The plan closes in February. An early help worker visits every "
                    "fortnight, by appointment. The house is always tidy. In May, "
                    "early help closes too: “Parents engaged well, goals met.”</p>"
                    "<p>In September, Leon starts secondary school. By October his "
                    "attendance is 71%. His form tutor raises a concern: Leon falls "
                    "asleep in lessons and still has no glasses. A new social worker "
                    "is allocated. The old plan is on the system, but the new "
                    "assessment starts from the latest referral. Jodie and Samuel are "
                    "warm and apologetic, and sign a new plan with the same actions as "
                    "last year.</p>"
                    "<p>Meanwhile, Grace's hearing is finally tested. She has glue ear "
                    "and has not heard clearly for more than a year. She starts school "
                    "with speech her teacher finds hard to understand. She still sleeps "
                    "on a mattress on Leon's floor.</p>"
                    "<p>Reviews of serious cases call this <strong>start again "
                    "syndrome</strong>. Each new worker or plan starts from the "
                    "present, and the history of promises without change is lost. The "
                    "children carry the cost of every restart.</p>"
                    "<p>Now return to the review meeting. This time, the group agrees "
                    "to test the claims before deciding.</p>"
                ),
                "continue_to": "testing-claims",
            },
        ),
        # 7: both routes rejoin here.
        (
            "narrative",
            {
                "name": "testing-claims",
                "title": "Testing what you have been told",
                "body": (
                    "<p>The group keeps the plan open for four weeks. You explain to "
                    "Jodie and Samuel, plainly and kindly, that you will check how "
                    "things are going with other services, and that you will "
                    "sometimes visit without an appointment. Jodie says, “That's "
                    "fine. We've got nothing to hide.”</p>"
                    "<p>Testing claims is not about catching parents out. It makes "
                    "sure decisions rest on what is happening for the child. Practical "
                    "ways to do it:</p>"
                    "<ul>"
                    "<li><strong>Check with the agency that would know.</strong> "
                    "Audiology knows whether an appointment was kept. The GP knows "
                    "whether a prescription was requested. The school knows attendance "
                    "over the whole term, not just the last month.</li>"
                    "<li><strong>Visit unannounced</strong>, as well as by "
                    "appointment, and at different times of day. An early visit shows "
                    "you a school-day morning.</li>"
                    "<li><strong>Look at the home</strong>, with permission: where "
                    "each child sleeps, what food there is, whether there is "
                    "bedding.</li>"
                    "<li><strong>See the child, and speak to them alone</strong> where "
                    "it is safe and appropriate. Ask about ordinary days, not just "
                    "problems.</li>"
                    "<li><strong>Use a chronology</strong> to set promises against "
                    "what changed, across agencies and over time.</li>"
                    "</ul>"
                    "<p>Over the next three weeks you gather the information on the "
                    "next screen.</p>"
                ),
            },
        ),
        # 8
        (
            "chronology",
            {
                "name": "chronology",
                "title": "Promises, and what changed for the children",
                "instructions": (
                    "<p>These entries come from seven services over five months. Read "
                    "them side by side.</p>"
                    "<p>Select the entries that together show a pattern: cooperation "
                    "and promises, without lasting change for Leon and Grace.</p>"
                    "<p>Some entries record strengths or set out the plan. They "
                    "matter, but they are not part of the pattern.</p>"
                ),
                "entries": [
                    {
                        "date": "2024-10-08",
                        "agency": "Children's social care",
                        "event": (
                            "Child in Need plan agreed. Jodie and Samuel agree to take "
                            "Grace to her hearing test and follow up her speech, "
                            "replace Leon's glasses, get Leon to school on time, and "
                            "clear the back bedroom so Grace has a bed of her own."
                        ),
                        "recorded_by": "Social worker",
                        "part_of_pattern": False,
                    },
                    {
                        "date": "2024-10-29",
                        "agency": "Health visiting",
                        "event": (
                            "Announced home visit. Living room clean and tidy. Jodie "
                            "says Grace now sleeps in her own bed. The bedrooms were "
                            "not seen. Referral made to speech and language therapy."
                        ),
                        "recorded_by": "Health visitor",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2024-11-21",
                        "agency": "GP practice",
                        "event": (
                            "Grace seen with her third ear infection since the summer. "
                            "Not brought to two audiology appointments; Jodie rebooked "
                            "both. Recorded as “was not brought” and shared with the "
                            "social worker, health visitor and school nurse."
                        ),
                        "recorded_by": "GP",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2024-12-06",
                        "agency": "School",
                        "event": (
                            "Leon's attendance this half-term is 84%, with 11 late "
                            "marks. He says he cannot see the board and gets "
                            "headaches. His glasses broke in September."
                        ),
                        "recorded_by": "Designated safeguarding lead",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2024-12-12",
                        "agency": "Housing",
                        "event": (
                            "The rent arrears repayment plan agreed in September has "
                            "been kept every month. Samuel asks about moving to a "
                            "bigger home."
                        ),
                        "recorded_by": "Housing officer",
                        "part_of_pattern": False,
                    },
                    {
                        "date": "2025-01-14",
                        "agency": "School nursing",
                        "event": (
                            "Leon seen in school with cracked, bleeding eczema on his "
                            "hands. He says his cream ran out “ages ago”. Jodie says "
                            "she will order more that day. Two weeks later the GP "
                            "practice has no request on record."
                        ),
                        "recorded_by": "School nurse",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2025-01-27",
                        "agency": "Early help",
                        "event": (
                            "Parents attended all four parenting sessions and put a "
                            "morning routine chart on the fridge. Described as "
                            "“lovely to work with”."
                        ),
                        "recorded_by": "Family support worker",
                        "part_of_pattern": False,
                    },
                    {
                        "date": "2025-02-14",
                        "agency": "GP practice",
                        "event": (
                            "Letter from audiology: Grace was not brought to her "
                            "appointment in January, the third missed. A new "
                            "appointment is booked for March."
                        ),
                        "recorded_by": "Practice safeguarding lead",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2025-02-20",
                        "agency": "Housing",
                        "event": (
                            "Repairs operative, called out to the boiler at short "
                            "notice, reports a bare mattress on the floor of Leon's "
                            "room, a back bedroom full of bags with no bed in it, and "
                            "very little food in the kitchen."
                        ),
                        "recorded_by": "Housing officer",
                        "part_of_pattern": True,
                    },
                    {
                        "date": "2025-03-07",
                        "agency": "School",
                        "event": (
                            "Leon's attendance was 97% in the four weeks before the "
                            "review. In the three weeks since, it is 83%, with 6 late "
                            "marks. He still has no glasses."
                        ),
                        "recorded_by": "Designated safeguarding lead",
                        "part_of_pattern": True,
                    },
                ],
                "explanation": (
                    "<p>Taken one at a time, each entry has an innocent explanation: a "
                    "bus that did not come, a busy week, a prescription forgotten. "
                    "Side by side, they show a pattern. Promises are made, and the "
                    "things professionals look at are put right for a while, but the "
                    "children's daily lives stay the same. Grace's hearing is still "
                    "unchecked, she has no bed, and Leon still cannot see the board. "
                    "His attendance improves when a review is coming, then falls "
                    "again.</p>"
                    "<p>Notice where the most telling evidence came from: a repairs "
                    "visit the family had not prepared for, and attendance figures "
                    "compared before and after the review. Neither relied on the "
                    "parents' account.</p>"
                    "<p>The rent payments and the parenting sessions are real "
                    "strengths, and you can build on them. But they measure how the "
                    "adults engage, not outcomes for the children. The first entry "
                    "sets out what the parents agreed: the baseline that everything "
                    "else should be measured against.</p>"
                ),
            },
        ),
        # 9
        (
            "gcp2_grading",
            {
                "name": "grading",
                "title": "Grade the care Grace receives",
                "observations": (
                    "<p>It is late February. You visit at 8.15 on a school day without "
                    "an appointment. Samuel answers after a few minutes. He has just "
                    "got in from his night shift, and is warm and welcoming. Jodie is "
                    "asleep upstairs.</p>"
                    "<ul>"
                    "<li>Grace is asleep on a bare mattress on the floor of Leon's "
                    "room. Her night clothes are wet. When she wakes, she pulls at her "
                    "ear, then runs to Samuel for a cuddle.</li>"
                    "<li>Grace talks in single words and points for what she wants. "
                    "There are no toys or books in the living room.</li>"
                    "<li>The kitchen has half a loaf and no milk. The back bedroom is "
                    "still full of bags.</li>"
                    "<li>Leon is getting himself ready, without glasses. He says he "
                    "usually gets Grace dressed and takes her to nursery, which makes "
                    "him late.</li>"
                    "<li>A certificate for Leon's maths is on the fridge, next to the "
                    "routine chart.</li>"
                    "</ul>"
                    "<p>Later, you talk to Leon on his own at school. He says: “Mum's "
                    "tired a lot. Dad's nice but he sleeps in the day. When you lot "
                    "are coming, Mum makes us tidy up and put everything in the back "
                    "room.”</p>"
                    "<p>Grace's nursery tells you the speech and language therapy "
                    "service sent a letter asking the family to confirm the referral. "
                    "Nobody replied, so the referral was closed. Staff add that Grace "
                    "is often hungry on Monday mornings.</p>"
                    "<p>Grade the care Grace receives, not how well her parents work "
                    "with professionals.</p>"
                ),
                "physical_care": {
                    "grade": "4",
                    "rationale": (
                        "Over five months most of Grace's basic needs have gone "
                        "unmet: repeated ear infections with her hearing still "
                        "unchecked, no bed or bedding of her own, little food in the "
                        "house and wet night clothes left on. The promised changes "
                        "have not happened."
                    ),
                },
                "safety": {
                    "grade": "3",
                    "rationale": (
                        "Nothing in the home looked immediately dangerous. But on "
                        "school mornings Grace's care, and her walk to nursery, fall "
                        "to her 11-year-old brother while both parents are "
                        "unavailable. Supervision is not reliable."
                    ),
                },
                "love_and_care": {
                    "grade": "2",
                    "rationale": (
                        "Both parents are warm, and Grace turns to Samuel for comfort. "
                        "This is a real strength. The warmth professionals see has not "
                        "yet turned into the daily care Grace needs."
                    ),
                },
                "esteem": {
                    "grade": "3",
                    "rationale": (
                        "Leon's achievements are noticed and praised. For Grace there "
                        "is little play, no books and no toys on view, and her speech "
                        "delay has not been followed up, so her learning is not being "
                        "supported."
                    ),
                },
                "summary": (
                    "<p>None of these grades reflects how cooperative Jodie and Samuel "
                    "are with professionals. They have come to every meeting, and the "
                    "warmth you saw is real. But Grace still has no bed, her hearing "
                    "is still unchecked and her speech is not supported. Leon is "
                    "doing a parent's job every morning. <strong>Cooperation with "
                    "professionals is not the same as change for the "
                    "child.</strong></p>"
                    "<p>Grading each area separately also stops one strength, such as "
                    "warmth, from hiding unmet needs elsewhere. In this partnership "
                    "GCP2 is the agreed tool for neglect, and recommendation 1 asks "
                    "all front-line practitioners to revisit the Neglect Strategy. "
                    "Only practitioners trained in GCP2 should use it with a "
                    "family.</p>"
                ),
            },
        ),
        # 10
        (
            "decision",
            {
                "name": "supervision",
                "title": "Supervision: more time, or a different response?",
                "situation": (
                    "<p>You bring the chronology and your visit notes to supervision. "
                    "Your manager listens, then says: “They've come to everything. "
                    "Jodie cried when you told her about Grace's bed. I think they're "
                    "genuinely trying. Let's give them another three months.”</p>"
                    "<p>You like Jodie and Samuel too, and you can see they love their "
                    "children. You notice that this makes you want to agree.</p>"
                ),
                "question": "What do you do?",
                "options": [
                    {
                        "label": (
                            "Agree. The parents are clearly trying, and a firmer "
                            "approach might damage the relationship."
                        ),
                        "feedback": (
                            "<p>This is what reviews call the <em>rule of "
                            "optimism</em>: liking a family and seeing their effort "
                            "leads professionals to expect more change than the "
                            "evidence supports. Another three months on the same "
                            "plan would mean Grace spends most of a year without a "
                            "bed or a hearing test. The relationship matters, but it "
                            "is a means to change for the children, not the "
                            "goal.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Set out what has and has not changed for each child, "
                            "and ask your manager to agree a multi-agency strategy "
                            "discussion about whether child protection enquiries are "
                            "needed."
                        ),
                        "feedback": (
                            "<p>Supervision is the place to test your own thinking "
                            "and your manager's. Evidence organised around the "
                            "children's experience moves the conversation away from "
                            "how the parents come across. Five months of unmet "
                            "needs, untreated health problems and an 11-year-old "
                            "doing a parent's job may amount to significant harm "
                            "through neglect. A strategy discussion lets the agencies "
                            "that hold the evidence, including the GP, school and "
                            "school nurse, decide together. If you and your manager "
                            "still disagree, record it and ask for a second opinion "
                            "within your agency.</p>"
                        ),
                        "rating": "stronger",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Agree a revised Child in Need plan with specific goals "
                            "for the children, short timescales, and a clear "
                            "statement of what will happen if they are not met."
                        ),
                        "feedback": (
                            "<p>Specific goals with short timescales are essential, "
                            "whatever happens next. “Grace sleeps in her own bed "
                            "every night” is far better than “parents to improve "
                            "home conditions”. But the evidence now suggests the "
                            "children may be suffering significant harm. That "
                            "question should be considered by the agencies together, "
                            "not only within a revised voluntary plan.</p>"
                        ),
                        "rating": "acceptable",
                        "go_to": "",
                    },
                    {
                        "label": (
                            "Tell the parents that if nothing changes in six weeks, "
                            "you will close the case."
                        ),
                        "feedback": (
                            "<p>Closing the case would remove support from the "
                            "children just when their needs are clearest. It also "
                            "rewards short bursts of effort: the family learns what to "
                            "show for six weeks. Deadlines without support rarely "
                            "lead to lasting change.</p>"
                        ),
                        "rating": "weaker",
                        "go_to": "",
                    },
                ],
            },
        ),
        # 11
        (
            "narrative",
            {
                "name": "what-happened",
                "title": "What happened next",
                "body": (
                    "<p>Your manager agrees to a strategy discussion. The GP, the "
                    "school's designated safeguarding lead, the school nurse and the "
                    "health visitor all take part. Child protection enquiries follow, "
                    "and a conference agrees child protection plans for both children "
                    "under the category of neglect.</p>"
                    "<p>Before the conference, you and the health visitor meet Jodie "
                    "and Samuel. You are honest and specific about what you saw, what "
                    "Leon told you and what is going well. Jodie says she has felt low "
                    "since losing her job and “can't face the mornings”. She agreed to "
                    "everything because she was scared the children would be taken. "
                    "Samuel had not realised how hard the mornings were.</p>"
                    "<p>The new plan says what the children will experience, and by "
                    "when. For example: Grace has her hearing test by the end of "
                    "March; Grace sleeps in her own bed every night; Leon has glasses "
                    "he can wear in lessons within two weeks. Jodie sees her GP about "
                    "her mood. The GP, school and school nurse agree to share health "
                    "and attendance information before every core group.</p>"
                    "<p>Progress is checked against the chronology, on unannounced "
                    "visits, and by talking to Leon and Grace. If a partner agency "
                    "disagrees with a decision about the children, the partnership's "
                    "Professional Challenge and Resolution procedure (a local "
                    "process) is the way to raise it.</p>"
                ),
            },
        ),
        # 12
        (
            "knowledge_check",
            {
                "name": "evidence-check",
                "title": "What counts as evidence of change?",
                "question": (
                    "Three months into the plan, which of these is the best evidence "
                    "that Grace's care has changed?"
                ),
                "options": [
                    {
                        "label": (
                            "Jodie and Samuel have come to every core group meeting "
                            "and are positive about the plan."
                        ),
                        "is_correct": False,
                        "feedback": (
                            "This shows engagement with professionals. On its own it "
                            "tells you nothing about Grace's daily care."
                        ),
                    },
                    {
                        "label": (
                            "Jodie tells you Grace sleeps in her own bed now and her "
                            "ears are fine."
                        ),
                        "is_correct": False,
                        "feedback": (
                            "Take this seriously, then check it. A parent's account "
                            "is one source of evidence, not proof."
                        ),
                    },
                    {
                        "label": (
                            "Audiology confirms Grace's hearing test took place, and "
                            "on two unannounced visits you see her own bed, made up, "
                            "in her own room."
                        ),
                        "is_correct": True,
                        "feedback": (
                            "This comes from the agency that would know, and from "
                            "your own observation on visits the family did not "
                            "prepare for."
                        ),
                    },
                    {
                        "label": "The house was spotless at the last announced visit.",
                        "is_correct": False,
                        "feedback": (
                            "An announced visit shows what the family can do when "
                            "prepared. It may not reflect an ordinary day."
                        ),
                    },
                ],
                "explanation": (
                    "<p>Look for evidence that comes from more than one source, that "
                    "you or another professional can see directly, and that lasts over "
                    "time. Good sources include other agencies' records, unannounced "
                    "visits, and what the child says and shows you.</p>"
                ),
            },
        ),
        # 13
        (
            "reflection",
            {
                "name": "reflect",
                "title": "Your own practice",
                "prompt": (
                    "<p>Think about a family you work with, or have worked with, where "
                    "the parents seem to cooperate. Do not include names or details "
                    "that could identify anyone.</p>"
                    "<ul>"
                    "<li>What has changed in the child's daily life since you became "
                    "involved? How do you know?</li>"
                    "<li>Which of the parents' claims have you checked with another "
                    "agency, with the child, or with your own eyes?</li>"
                    "<li>When did someone last see the child on their own?</li>"
                    "<li>Has the family's plan been closed and reopened, or started "
                    "again with a new worker? What was lost each time?</li>"
                    "<li>Could the way you feel about the family make it harder to see "
                    "what is happening? What would you bring to supervision?</li>"
                    "</ul>"
                ),
            },
        ),
        # 14
        (
            "key_learning",
            {
                "name": "key-learning",
                "title": "Key learning",
                "body": (
                    "<ul>"
                    "<li><strong>Judge progress by the child's experience.</strong> "
                    "Attending meetings and agreeing to plans are not outcomes for the "
                    "child.</li>"
                    "<li><strong>Know the difference.</strong> Genuine engagement "
                    "leads to change that others can see and that lasts. "
                    "Non-compliance is open refusal or avoidance. Disguised compliance "
                    "looks like cooperation, but the child's life stays the same.</li>"
                    "<li><strong>Describe behaviour, not motive.</strong> Parents may "
                    "be frightened, ashamed or overwhelmed. Find out why and offer "
                    "help, while keeping the child's needs central.</li>"
                    "<li><strong>Test claims with respectful uncertainty.</strong> "
                    "Check with the agency that would know, visit unannounced, look at "
                    "where the child sleeps and eats, and see the child alone.</li>"
                    "<li><strong>Keep the history in view.</strong> A multi-agency "
                    "chronology guards against start again syndrome and drift. Set "
                    "specific goals for the child, with short timescales.</li>"
                    "<li><strong>Share health and attendance information.</strong> "
                    "GPs, schools and school nurses should talk to each other about a "
                    "child's health needs and attendance, especially when parents' "
                    "cooperation is in doubt.</li>"
                    "<li><strong>Use supervision, and escalate.</strong> Test your "
                    "own optimism or doubts. If a decision leaves a child at risk, "
                    "challenge it using your local procedure: in this partnership, "
                    "Professional Challenge and Resolution.</li>"
                    "</ul>"
                ),
                "learning_points": [11, 12],
            },
        ),
    ],
    "quiz": {
        "settings": {
            "pass_mark": 80,
            "attempts_allowed": 3,
            "draw_count": None,
            "shuffle_questions": True,
            "shuffle_options": True,
            "time_limit_minutes": 20,
            "grading": "highest",
            "review_content": "full",
            "review_timing": "when_finished",
        },
        "questions": [
            # 1
            (
                "single",
                {
                    "question": (
                        "A family has a Child in Need plan. What is the best measure "
                        "of whether the plan is working?"
                    ),
                    "options": [
                        {
                            "label": (
                                "The parents come to every meeting and agree to every "
                                "action."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "This shows how the parents work with professionals. "
                                "It does not tell you whether anything has changed "
                                "for the child."
                            ),
                        },
                        {
                            "label": "The parents say things are much better at home.",
                            "is_correct": False,
                            "feedback": (
                                "Take what parents say seriously, then check it. A "
                                "parent's account is one source of evidence, not "
                                "proof of change."
                            ),
                        },
                        {
                            "label": (
                                "Evidence from more than one source shows that the "
                                "child's daily life has changed, and that the change "
                                "has lasted."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. Progress is measured by the child's "
                                "experience, checked with other agencies, your own "
                                "observation and the child, over time."
                            ),
                        },
                        {
                            "label": "Most of the actions on the plan have been ticked off.",
                            "is_correct": False,
                            "feedback": (
                                "Actions are a means, not an end. A plan can be "
                                "completed on paper while the child's needs are "
                                "still not met."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Attending, agreeing and completing tasks are about adults "
                        "and process. Ask instead: what has changed for this child, "
                        "how do we know, and has it lasted?</p>"
                    ),
                },
            ),
            # 2
            (
                "multiple",
                {
                    "question": (
                        "Which of these can be signs of disguised compliance? Select "
                        "all that apply."
                    ),
                    "options": [
                        {
                            "label": (
                                "A child's school attendance rises sharply in the "
                                "weeks before a review, then falls again afterwards."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "A short improvement timed for a review, which then "
                                "fades, is a common sign. Compare attendance over the "
                                "whole term, not just the last few weeks."
                            ),
                        },
                        {
                            "label": (
                                "A child's health appointments are cancelled and "
                                "rebooked again and again."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Each rebooking looks like cooperation, but the child "
                                "still does not get the care they need."
                            ),
                        },
                        {
                            "label": (
                                "The home is tidy at every announced visit, but nobody "
                                "answers the door at unannounced visits."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Professionals may be seeing what the family has "
                                "prepared for, not an ordinary day."
                            ),
                        },
                        {
                            "label": (
                                "The parents refuse to let the social worker in and "
                                "say they do not want any help."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "This is open non-compliance. It is a concern, but it "
                                "is not disguised: the refusal is plain to see."
                            ),
                        },
                        {
                            "label": (
                                "The parents tell the health visitor that a goal has "
                                "not been met, and ask for help to meet it."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Being honest about what is not working is a sign of "
                                "genuine engagement. It is something to build on."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Disguised compliance looks like cooperation, but the "
                        "child's life stays the same, or changes only briefly or only "
                        "when professionals are watching. No single sign proves it. "
                        "Look for a pattern over time and across agencies.</p>"
                    ),
                },
            ),
            # 3
            (
                "true_false",
                {
                    "statement": (
                        "If parents come to every meeting and agree to every action, "
                        "professionals can assume that the child's circumstances are "
                        "improving."
                    ),
                    "answer": "false",
                    "feedback_true": (
                        "Not quite. Attending and agreeing show how parents work with "
                        "professionals. They do not show what has changed for the "
                        "child, so check the evidence."
                    ),
                    "feedback_false": (
                        "Right. Cooperation with professionals is not the same as "
                        "change for the child. Check what has changed in the child's "
                        "daily life."
                    ),
                    "explanation": (
                        "<p>In disguised compliance, parents attend, agree and report "
                        "progress, but little changes for the child. Always test "
                        "engagement against what the child is experiencing.</p>"
                    ),
                },
            ),
            # 4
            (
                "single",
                {
                    "question": "What does “respectful uncertainty” mean in practice?",
                    "options": [
                        {
                            "label": (
                                "Taking what parents tell you seriously, then checking "
                                "it openly against other evidence."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. You stay open to what parents say, and you "
                                "are honest that you will check it with other "
                                "agencies, your own observation and the child."
                            ),
                        },
                        {
                            "label": (
                                "Assuming that parents are probably not telling the "
                                "truth until they can prove otherwise."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "This is suspicion, not respectful uncertainty. It "
                                "damages trust and can stop parents telling you when "
                                "things are going wrong."
                            ),
                        },
                        {
                            "label": (
                                "Accepting what parents tell you, so that you keep a "
                                "good working relationship."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "A good relationship matters, but accepting claims "
                                "without checking them leaves decisions about the "
                                "child resting on one account."
                            ),
                        },
                        {
                            "label": (
                                "Checking what parents tell you without letting them "
                                "know, so that they are not upset."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Be open about what you will check and why. Honesty "
                                "gives parents the chance to tell you what is not "
                                "going well."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Respectful uncertainty keeps both the parents and the "
                        "evidence in view. Check what you are told with the agency "
                        "that would know, on unannounced visits, and by spending time "
                        "with the child on their own.</p>"
                    ),
                },
            ),
            # 5
            (
                "scenario",
                {
                    "vignette": (
                        "<p>You are a school nurse. Maya Hughes, who is 8, has a Child "
                        "in Need plan and an allocated social worker. She has been "
                        "sent to you twice this month with a sore, weeping rash on her "
                        "hands. She tells you her cream ran out “ages ago”.</p>"
                        "<p>You phone her dad, Craig. He is apologetic: “I'll order "
                        "more from the GP today, I promise.” He said the same thing "
                        "three weeks ago.</p>"
                    ),
                    "question": "What is the best next step?",
                    "answer_type": "single",
                    "options": [
                        {
                            "label": (
                                "Accept Craig's promise, and look at Maya's hands the "
                                "next time she is sent to you."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "This relies on a promise that has already been made "
                                "once and not kept. Maya's skin stays sore, and nobody "
                                "else working with the family knows."
                            ),
                        },
                        {
                            "label": (
                                "Tell Craig you will check with the GP practice "
                                "whether the cream has been requested, and share what "
                                "you find with Maya's social worker."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. The GP practice is the agency that would "
                                "know. Sharing what you find means the pattern can be "
                                "seen and discussed at Maya's next review."
                            ),
                        },
                        {
                            "label": (
                                "Send a new referral (MARF) to the MASH about Maya's "
                                "skin."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Maya already has a social worker. The review asks "
                                "professionals to contact the allocated social worker "
                                "rather than send repeat referrals into the MASH. The "
                                "MARF and the MASH are this partnership's local "
                                "arrangements."
                            ),
                        },
                        {
                            "label": (
                                "Tell Craig that if the cream is not collected this "
                                "week, you will report him to social care."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Threats tend to produce short bursts of compliance, "
                                "not lasting change. And Maya's social worker needs "
                                "this information now."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Check claims with the agency that would know, and share "
                        "health information with the professionals working with the "
                        "family. The review asks GPs, schools and school nurses to "
                        "talk to each other about a child's health needs, especially "
                        "when there are doubts about parents' cooperation.</p>"
                    ),
                },
            ),
            # 6
            (
                "true_false",
                {
                    "statement": (
                        "Liking a family, and seeing how hard the parents try, can "
                        "lead professionals to expect more change than the evidence "
                        "supports."
                    ),
                    "answer": "true",
                    "feedback_true": (
                        "Right. Reviews often call this the rule of optimism. Warmth "
                        "towards a family is natural, so test your judgement against "
                        "the evidence and in supervision."
                    ),
                    "feedback_false": (
                        "It can. Reviews often call this the rule of optimism: "
                        "professionals who like a family may see progress that the "
                        "evidence does not show."
                    ),
                    "explanation": (
                        "<p>Use supervision to test your own optimism. Set out what "
                        "has and has not changed for each child, and let that "
                        "evidence, not how the parents come across, guide "
                        "decisions.</p>"
                    ),
                },
            ),
            # 7
            (
                "scenario",
                {
                    "vignette": (
                        "<p>Tyler Marsh, who is 6, has a Child in Need plan because "
                        "of concerns about his teeth, his weight and his school "
                        "attendance. His mum, Leanne, has come to every meeting. At "
                        "the three-month review, each professional shares what they "
                        "know.</p>"
                    ),
                    "question": (
                        "Which of these are good evidence that Tyler's care has "
                        "changed? Select all that apply."
                    ),
                    "answer_type": "multiple",
                    "options": [
                        {
                            "label": (
                                "The dental practice confirms that Tyler has had the "
                                "treatment he needed."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "This comes from the agency that would know, not from "
                                "a parent's account."
                            ),
                        },
                        {
                            "label": (
                                "The school's records show that Tyler's attendance has "
                                "stayed above 95% for the whole term."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Attendance across a whole term shows whether change "
                                "has lasted, not just whether it was timed for the "
                                "review."
                            ),
                        },
                        {
                            "label": (
                                "The school nurse's records show that Tyler's weight "
                                "has gone up steadily at each check this term."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Measurements taken over time show a real, lasting "
                                "change in the child's health."
                            ),
                        },
                        {
                            "label": "Leanne says Tyler is eating much better now.",
                            "is_correct": False,
                            "feedback": (
                                "Take it seriously and check it, for example against "
                                "the school nurse's records. On its own, a parent's "
                                "account is not proof."
                            ),
                        },
                        {
                            "label": (
                                "Leanne has come to every meeting and signed the "
                                "updated plan."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "This shows how Leanne works with professionals. On "
                                "its own it tells you nothing about Tyler's daily "
                                "care."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Strong evidence comes from the agency that would know, "
                        "from what you see directly, and from records kept over time. "
                        "Parents' accounts and engagement matter, but check them "
                        "against what has changed for the child.</p>"
                    ),
                },
            ),
            # 8
            (
                "single",
                {
                    "question": (
                        "Which of these goals in a child's plan would best show "
                        "whether things have changed for the child?"
                    ),
                    "options": [
                        {
                            "label": "Parents to engage with all services.",
                            "is_correct": False,
                            "feedback": (
                                "This measures how parents work with professionals, "
                                "not what the child experiences. It can be met "
                                "without anything changing for the child."
                            ),
                        },
                        {
                            "label": "Parents to improve home conditions.",
                            "is_correct": False,
                            "feedback": (
                                "This is too vague to check. What would “improved” "
                                "look like, for which child, and by when?"
                            ),
                        },
                        {
                            "label": (
                                "Ella sleeps in her own bed, with clean bedding, every "
                                "night from the end of this month."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. It describes what the child will experience, "
                                "it is specific enough to check on a visit, and it "
                                "has a timescale."
                            ),
                        },
                        {
                            "label": "Parents to attend a parenting course.",
                            "is_correct": False,
                            "feedback": (
                                "A course can help, but going to it is an action, not "
                                "an outcome. Ask what should be different for the "
                                "child afterwards."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Write goals about what the child will experience. Make "
                        "them specific enough to check, with short timescales. This "
                        "shows clearly whether a plan is working, and helps prevent "
                        "drift.</p>"
                    ),
                },
            ),
            # 9
            (
                "scenario",
                {
                    "vignette": (
                        "<p>You are a social worker, newly allocated to the Doyle "
                        "family after a referral from school. The school says Callum, "
                        "who is 9, is often hungry, tired and late.</p>"
                        "<p>The records show the family had a Child in Need plan two "
                        "years ago for similar concerns. It was closed with the note "
                        "“parents engaged well, goals met”. The parents, Sean and "
                        "Kelly, are friendly and say they will do whatever is "
                        "needed.</p>"
                    ),
                    "question": "What should you do first as part of your assessment?",
                    "answer_type": "single",
                    "options": [
                        {
                            "label": (
                                "Start a fresh assessment from the new referral, so "
                                "that the family is not judged on the past."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Starting from the latest referral loses the history "
                                "of what was promised and what changed. This is how "
                                "start again syndrome happens."
                            ),
                        },
                        {
                            "label": (
                                "Build a multi-agency chronology from the earlier "
                                "involvement to now, and compare what was promised "
                                "then with what has changed for Callum."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. The chronology shows whether earlier change "
                                "lasted, and stops the new plan repeating actions that "
                                "did not work before."
                            ),
                        },
                        {
                            "label": (
                                "Agree the same plan as two years ago, because the "
                                "family met its goals then."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "The goals were recorded as met, but the same concerns "
                                "are back. Repeating the plan without asking why risks "
                                "another round of promises without lasting change."
                            ),
                        },
                        {
                            "label": (
                                "Ask for a child protection conference straight away, "
                                "because the concerns have come back."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Returning concerns need careful attention, but a "
                                "conference follows a strategy discussion and "
                                "enquiries. Start by gathering the history and the "
                                "current evidence across agencies."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>Reviews of serious cases describe start again syndrome: "
                        "each new worker or plan starts from the present, and the "
                        "history is lost. A chronology that begins with the earliest "
                        "involvement, not the latest referral, shows the pattern and "
                        "whether change has lasted.</p>"
                    ),
                },
            ),
            # 10
            (
                "true_false",
                {
                    "statement": (
                        "A sudden improvement just before a review proves that the "
                        "parents are deliberately deceiving professionals."
                    ),
                    "answer": "false",
                    "feedback_true": (
                        "Not so. A sudden improvement is a reason to check whether "
                        "change lasts, not proof of a motive. Parents may be "
                        "frightened, ashamed or unsure what is being asked of them."
                    ),
                    "feedback_false": (
                        "Right. It is a sign to test, not proof of intent. Check "
                        "whether the change lasts after the review, and find out what "
                        "lies behind it."
                    ),
                    "explanation": (
                        "<p>Use “disguised compliance” to describe a pattern, not a "
                        "motive. Whatever the reason, judge progress by whether change "
                        "for the child lasts once professionals step back.</p>"
                    ),
                },
            ),
            # 11
            (
                "single",
                {
                    "question": (
                        "In this partnership, GCP2 is the agreed tool for assessing "
                        "neglect. Which of these statements about it is accurate?"
                    ),
                    "options": [
                        {
                            "label": (
                                "It grades the care a child actually receives in four "
                                "areas, on a scale from 1 (best) to 5 (worst)."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. Grading each area helps stop one strength, "
                                "such as warmth, from hiding unmet needs in another."
                            ),
                        },
                        {
                            "label": (
                                "It grades how well parents cooperate with "
                                "professionals."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "It grades the care the child receives, not how "
                                "parents work with professionals. Warm, cooperative "
                                "parents can still leave a child's needs unmet."
                            ),
                        },
                        {
                            "label": (
                                "It grades the reasons for poor care, such as poverty "
                                "or illness."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "The reasons matter when you analyse and plan, but "
                                "the tool grades the care the child actually "
                                "receives."
                            ),
                        },
                        {
                            "label": (
                                "Any practitioner can use it with a family after "
                                "reading the guidance."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Only practitioners trained in GCP2 should use it "
                                "with a family. Ask about the partnership's training "
                                "if your role needs it."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>GCP2 (Graded Care Profile 2) is published by the NSPCC. "
                        "The review's first recommendation asks front-line "
                        "practitioners to revisit the partnership's Neglect Strategy "
                        "and GCP2. Using the tool with a family needs local, licensed "
                        "training.</p>"
                    ),
                },
            ),
            # 12
            (
                "scenario",
                {
                    "vignette": (
                        "<p>You are a GP. Sami, who is 5, has a Child in Need plan "
                        "and an allocated social worker. Over four months you have "
                        "recorded that he was not brought to three eye appointments, "
                        "and that his weight has not gone up as expected. You shared "
                        "this with the social worker each time.</p>"
                        "<p>You hear that the review meeting has decided to close the "
                        "plan because Sami's parents “have engaged well”. You think "
                        "the decision leaves Sami at risk.</p>"
                    ),
                    "question": "What should you do?",
                    "answer_type": "single",
                    "options": [
                        {
                            "label": (
                                "Send a new referral (MARF) to the MASH with the same "
                                "concerns."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "The review asks professionals not to keep sending "
                                "MARFs into the MASH, but to contact the allocated "
                                "social worker or use the challenge procedure. A "
                                "repeat referral can hide the disagreement."
                            ),
                        },
                        {
                            "label": (
                                "Contact the social worker to set out your evidence "
                                "and, if that does not resolve it, use the "
                                "partnership's Professional Challenge and Resolution "
                                "procedure."
                            ),
                            "is_correct": True,
                            "feedback": (
                                "Right. Start by talking it through, and escalate if "
                                "you still think the decision leaves Sami at risk. "
                                "Record each step and the outcome."
                            ),
                        },
                        {
                            "label": (
                                "Accept the decision, because children's social care "
                                "leads on the plan."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Any professional can challenge a decision they think "
                                "is unsafe. Challenge is professional, not personal, "
                                "and it is not a complaint."
                            ),
                        },
                        {
                            "label": (
                                "Wait until Sami is next brought to the surgery, then "
                                "decide whether to act."
                            ),
                            "is_correct": False,
                            "feedback": (
                                "Waiting lets the plan close without your evidence "
                                "being weighed. Raise a disagreement promptly."
                            ),
                        },
                    ],
                    "explanation": (
                        "<p>If you disagree with a decision about a child, talk to the "
                        "professional who made it, then escalate if you need to. In "
                        "this partnership the local route is the Professional "
                        "Challenge and Resolution procedure. If a child is at "
                        "immediate risk, act straight away as well as "
                        "escalating.</p>"
                    ),
                },
            ),
        ],
    },
}
