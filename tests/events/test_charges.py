"""Non-attendance and late-cancellation charges, substitution and the ledger."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from learning.accounts.factories import AgencyFactory
from learning.accounts.models import AgencyKind
from learning.accounts.roles import Role
from learning.core.models import AuditEvent
from learning.events.factories import CourseFactory, TrainingSessionFactory
from learning.events.forms import SUBSTITUTE_NOT_FOUND
from learning.events.models import Booking, Charge, ChargeKind, ChargeStatus
from learning.events.selectors import charge_totals_by_agency, charges_for_ledger
from learning.events.services import (
    CHARGE_NOT_OUTSTANDING,
    SUBSTITUTE_ALREADY_BOOKED,
    SUBSTITUTE_NOT_ALLOWED,
    SUBSTITUTE_NOT_BOOKED,
    SUBSTITUTE_OTHER_AGENCY,
    SUBSTITUTE_TOO_LATE,
    WAIVE_REASON_REQUIRED,
    booking_cancel,
    booking_create,
    booking_substitute,
    charge_waive,
    register_save,
    session_cancel,
)

from ..conftest import make_person

pytestmark = pytest.mark.django_db

NO_SHOW_FEE = Decimal("60.00")
LATE_FEE = Decimal("30.00")


@pytest.fixture
def police():
    return AgencyFactory(
        name="Police: public protection unit",
        kind=AgencyKind.POLICE,
        domains=["police.example.org"],
    )


@pytest.fixture
def charity():
    return AgencyFactory(
        name="Family Support Charity",
        kind=AgencyKind.VOLUNTARY_SECTOR,
        domains=["charity.example.org"],
    )


@pytest.fixture
def course(charity):
    course = CourseFactory(
        no_show_fee=NO_SHOW_FEE,
        late_cancellation_fee=LATE_FEE,
        fee_exempt_kinds=[AgencyKind.POLICE],
        cancellation_cutoff_days=3,
    )
    course.fee_exempt_agencies.set([charity])
    course.save()
    return course


def _past_session(course, days_ago=1, capacity=10):
    start = timezone.now() - timedelta(days=days_ago)
    return TrainingSessionFactory(
        course=course, start=start, end=start + timedelta(hours=3), capacity=capacity
    )


def _booking(session, user, **fields):
    return Booking.objects.create(
        session=session,
        user=user,
        status=fields.pop("status", "booked"),
        created_at=session.start - timedelta(days=20),
        **fields,
    )


@pytest.fixture
def people(agency):
    return [
        make_person(email=f"staff{n}@council.example.org", agency=agency)
        for n in range(3)
    ]


def test_a_no_show_is_charged_to_the_learners_agency_when_the_register_is_saved(
    course, people, trainer, agency
):
    session = _past_session(course)
    came, missed = _booking(session, people[0]), _booking(session, people[1])

    register_save(
        session=session,
        statuses={came.pk: "attended", missed.pk: "did_not_attend"},
        recorded_by=trainer,
    )

    charge = Charge.objects.get()
    assert charge.booking == missed
    assert charge.agency == agency
    assert charge.agency_name == agency.name
    assert charge.kind == ChargeKind.NO_SHOW
    assert charge.amount == NO_SHOW_FEE
    assert charge.status == ChargeStatus.OUTSTANDING
    assert charge.incurred_on == timezone.localdate(session.start)
    assert AuditEvent.objects.filter(
        action="charge.made", object_id=str(charge.pk), actor=trainer
    ).exists()


def test_apologies_given_are_not_charged(course, people, trainer):
    session = _past_session(course)
    absent = _booking(session, people[0])

    register_save(session=session, statuses={absent.pk: "absent"}, recorded_by=trainer)

    assert not Charge.objects.exists()


def test_a_late_cancellation_is_charged_when_the_register_is_saved(
    course, people, trainer
):
    start = timezone.now() + timedelta(days=1)
    session = TrainingSessionFactory(course=course, start=start, capacity=5)
    booking = booking_create(session=session, learner=people[0])
    booking_cancel(booking=booking, by=people[0])
    booking.refresh_from_db()
    assert booking.late_cancellation
    assert not Charge.objects.exists()

    register_save(session=session, statuses={}, recorded_by=trainer)

    charge = Charge.objects.get()
    assert (charge.booking, charge.kind, charge.amount) == (
        booking,
        ChargeKind.LATE_CANCELLATION,
        LATE_FEE,
    )


def test_cancelling_in_good_time_is_not_charged(course, people, trainer):
    session = TrainingSessionFactory(
        course=course, start=timezone.now() + timedelta(days=10)
    )
    booking = booking_create(session=session, learner=people[0])
    booking_cancel(booking=booking, by=people[0])

    register_save(session=session, statuses={}, recorded_by=trainer)

    assert not Charge.objects.exists()


def _promoted_then_cancelled(
    course, people, *, promoted_days_before, cancelled_days_before
):
    """people[1] waits for people[0]'s place, gets it, then cancels."""
    start = timezone.now() + timedelta(days=10)
    session = TrainingSessionFactory(course=course, start=start, capacity=1)
    first = booking_create(
        session=session, learner=people[0], now=start - timedelta(days=20)
    )
    waiting = booking_create(
        session=session, learner=people[1], now=start - timedelta(days=19)
    )
    assert waiting.status == "waitlisted"
    booking_cancel(
        booking=first, by=people[0], now=start - timedelta(days=promoted_days_before)
    )
    waiting.refresh_from_db()
    assert waiting.status == "booked" and waiting.promoted_at is not None
    booking_cancel(
        booking=waiting,
        by=people[1],
        now=start - timedelta(days=cancelled_days_before),
    )
    waiting.refresh_from_db()
    return session, waiting


def test_a_place_given_from_the_waiting_list_inside_the_cut_off_is_not_charged_when_cancelled(
    course, people, trainer
):
    # The course's cut-off is 3 days: promoted 2 days before, cancelled a day later.
    session, promoted = _promoted_then_cancelled(
        course, people, promoted_days_before=2, cancelled_days_before=1
    )
    assert promoted.late_cancellation is False

    register_save(session=session, statuses={}, recorded_by=trainer)

    assert not Charge.objects.filter(booking=promoted).exists()


def test_a_place_given_from_the_waiting_list_before_the_cut_off_is_charged_when_cancelled_late(
    course, people, trainer
):
    session, promoted = _promoted_then_cancelled(
        course, people, promoted_days_before=6, cancelled_days_before=1
    )
    assert promoted.late_cancellation is True

    register_save(session=session, statuses={}, recorded_by=trainer)

    charge = Charge.objects.get(booking=promoted)
    assert (charge.kind, charge.amount) == (ChargeKind.LATE_CANCELLATION, LATE_FEE)


def test_exempt_agencies_and_agency_kinds_are_not_charged(
    course, police, charity, trainer, people
):
    officer = make_person(email="officer@police.example.org", agency=police)
    worker = make_person(email="worker@charity.example.org", agency=charity)
    session = _past_session(course)
    bookings = [_booking(session, user) for user in (officer, worker, people[0])]

    register_save(
        session=session,
        statuses={b.pk: "did_not_attend" for b in bookings},
        recorded_by=trainer,
    )

    assert [c.booking for c in Charge.objects.all()] == [bookings[2]]


def test_a_course_without_fees_charges_nothing(people, trainer):
    session = _past_session(CourseFactory())
    missed = _booking(session, people[0])

    register_save(
        session=session, statuses={missed.pk: "did_not_attend"}, recorded_by=trainer
    )

    assert not Charge.objects.exists()


def test_correcting_the_register_withdraws_then_restores_the_charge(
    course, people, trainer
):
    session = _past_session(course)
    booking = _booking(session, people[0])
    register_save(
        session=session, statuses={booking.pk: "did_not_attend"}, recorded_by=trainer
    )

    register_save(
        session=session, statuses={booking.pk: "attended"}, recorded_by=trainer
    )
    charge = Charge.objects.get()
    assert charge.status == ChargeStatus.WITHDRAWN

    register_save(
        session=session, statuses={booking.pk: "did_not_attend"}, recorded_by=trainer
    )
    charge.refresh_from_db()
    assert charge.status == ChargeStatus.OUTSTANDING
    assert Charge.objects.count() == 1


def test_saving_the_register_twice_charges_once(course, people, trainer):
    session = _past_session(course)
    booking = _booking(session, people[0])
    for _ in range(2):
        register_save(
            session=session,
            statuses={booking.pk: "did_not_attend"},
            recorded_by=trainer,
        )

    assert Charge.objects.count() == 1
    assert AuditEvent.objects.filter(action="charge.made").count() == 1


def test_cancelling_the_session_withdraws_its_charges(course, people, trainer):
    start = timezone.now() + timedelta(days=1)
    session = TrainingSessionFactory(course=course, start=start, capacity=5)
    booking = booking_create(session=session, learner=people[0])
    booking_cancel(booking=booking, by=people[0])
    register_save(session=session, statuses={}, recorded_by=trainer)

    session_cancel(session=session, by=trainer)

    assert Charge.objects.get().status == ChargeStatus.WITHDRAWN


# Substitution -------------------------------------------------------------


@pytest.fixture
def soon_session(course):
    # Inside the three-day cut-off, so a plain cancellation would be charged.
    return TrainingSessionFactory(
        course=course, start=timezone.now() + timedelta(days=1), capacity=1
    )


def test_a_colleague_takes_over_a_place_without_a_charge(
    soon_session, people, trainer, django_capture_on_commit_callbacks
):
    booking = booking_create(session=soon_session, learner=people[0])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        replacement = booking_substitute(
            booking=booking, colleague=people[1], by=people[0]
        )

    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert not booking.late_cancellation
    assert booking.substituted_by == replacement
    assert (replacement.user, replacement.status) == (people[1], "booked")
    assert {m.to[0] for m in mail.outbox} == {people[0].email, people[1].email}
    register_save(session=soon_session, statuses={}, recorded_by=trainer)
    assert not Charge.objects.exists()
    assert AuditEvent.objects.filter(action="booking.substituted").count() == 1


def test_a_place_cannot_pass_to_someone_in_another_agency(
    soon_session, people, other_learner
):
    booking = booking_create(session=soon_session, learner=people[0])

    with pytest.raises(ValidationError) as error:
        booking_substitute(booking=booking, colleague=other_learner, by=people[0])

    assert error.value.messages == [str(SUBSTITUTE_OTHER_AGENCY)]
    booking.refresh_from_db()
    assert booking.status == "booked"
    assert soon_session.bookings.count() == 1


@pytest.mark.parametrize(
    ("situation", "message"),
    [
        ("already_booked", SUBSTITUTE_ALREADY_BOOKED),
        ("waitlisted", SUBSTITUTE_NOT_BOOKED),
        ("started", SUBSTITUTE_TOO_LATE),
        ("stranger", SUBSTITUTE_NOT_ALLOWED),
    ],
)
def test_substitution_refusals_change_nothing(situation, message, soon_session, people):
    soon_session.capacity = 2
    soon_session.save()
    booking = booking_create(session=soon_session, learner=people[0])
    colleague, by, now = people[1], people[0], None
    if situation == "already_booked":
        booking_create(session=soon_session, learner=people[1])
    elif situation == "waitlisted":
        booking_create(session=soon_session, learner=people[2])
        booking = booking_create(session=soon_session, learner=people[1])
        colleague, by = people[0], people[1]
        assert booking.status == "waitlisted"
    elif situation == "started":
        now = soon_session.start + timedelta(minutes=5)
    elif situation == "stranger":
        by = people[2]
    before = list(soon_session.bookings.values_list("pk", "user_id", "status"))

    with pytest.raises(ValidationError) as error:
        booking_substitute(booking=booking, colleague=colleague, by=by, now=now)

    assert error.value.messages == [str(message)]
    assert list(soon_session.bookings.values_list("pk", "user_id", "status")) == (
        before
    )


def test_an_agency_lead_can_pass_on_a_place_for_their_own_staff(
    soon_session, people, agency_lead
):
    booking = booking_create(session=soon_session, learner=people[0])

    replacement = booking_substitute(
        booking=booking, colleague=people[1], by=agency_lead
    )

    assert replacement.user == people[1]


# Waiving ------------------------------------------------------------------


@pytest.fixture
def charge(course, people, trainer):
    session = _past_session(course)
    booking = _booking(session, people[0])
    register_save(
        session=session, statuses={booking.pk: "did_not_attend"}, recorded_by=trainer
    )
    return Charge.objects.get()


def test_waiving_needs_a_reason_and_is_audited(charge, partnership_lead):
    with pytest.raises(ValidationError) as error:
        charge_waive(charge=charge, reason="  ", waived_by=partnership_lead)
    assert error.value.message_dict == {"reason": [str(WAIVE_REASON_REQUIRED)]}
    charge.refresh_from_db()
    assert charge.status == ChargeStatus.OUTSTANDING

    charge_waive(
        charge=charge, reason="Off sick, confirmed.", waived_by=partnership_lead
    )

    charge.refresh_from_db()
    assert charge.status == ChargeStatus.WAIVED
    assert charge.waived_by == partnership_lead
    event = AuditEvent.objects.get(action="charge.waived")
    assert event.actor == partnership_lead
    assert event.data == {"reason": "Off sick, confirmed."}


def test_a_waived_charge_cannot_be_waived_again_and_stays_waived_on_resave(
    charge, partnership_lead, trainer
):
    charge_waive(charge=charge, reason="Snow closed roads.", waived_by=partnership_lead)

    with pytest.raises(ValidationError) as error:
        charge_waive(charge=charge, reason="Again", waived_by=partnership_lead)
    assert error.value.messages == [str(CHARGE_NOT_OUTSTANDING)]

    register_save(
        session=charge.session,
        statuses={charge.booking_id: "did_not_attend"},
        recorded_by=trainer,
    )
    charge.refresh_from_db()
    assert charge.status == ChargeStatus.WAIVED
    assert charge.waive_reason == "Snow closed roads."


# The ledger ---------------------------------------------------------------


@pytest.fixture
def ledger(course, agency, other_agency, trainer, partnership_lead):
    """A hand-built ledger: three agencies' charges over two months.

    Council (agency): April no-show 60, April late 30, May no-show 60 (waived).
    Oakfield (other_agency): April no-show 60, May late 30.
    Police: exempt, so nothing.
    """
    police = AgencyFactory(
        name="Police", kind=AgencyKind.POLICE, domains=["police2.example.org"]
    )
    council = [
        make_person(email=f"c{n}@council.example.org", agency=agency) for n in range(3)
    ]
    school = [
        make_person(email=f"s{n}@oakfield-primary.example.org", agency=other_agency)
        for n in range(2)
    ]
    officer = make_person(email="pc@police2.example.org", agency=police)
    april = timezone.make_aware(timezone.datetime(2026, 4, 14, 9, 30))
    may = timezone.make_aware(timezone.datetime(2026, 5, 12, 9, 30))
    april_session = TrainingSessionFactory(
        course=course, start=april, end=april + timedelta(hours=3), capacity=10
    )
    may_session = TrainingSessionFactory(
        course=course, start=may, end=may + timedelta(hours=3), capacity=10
    )
    late = {"status": "cancelled", "late_cancellation": True}
    april_rows = [
        _booking(april_session, council[0]),
        _booking(april_session, school[0]),
        _booking(april_session, officer),
    ]
    _booking(april_session, council[1], **late)
    register_save(
        session=april_session,
        statuses={b.pk: "did_not_attend" for b in april_rows},
        recorded_by=trainer,
    )
    may_missed = _booking(may_session, council[2])
    _booking(may_session, school[1], **late)
    register_save(
        session=may_session,
        statuses={may_missed.pk: "did_not_attend"},
        recorded_by=trainer,
    )
    charge_waive(
        charge=may_missed.charge, reason="Court hearing.", waived_by=partnership_lead
    )
    return {"council": agency, "school": other_agency, "police": police}


def _totals(**filters):
    return {
        row["agency_name"]: (
            row["no_shows"],
            row["late_cancellations"],
            row["outstanding"],
            row["waived"],
        )
        for row in charge_totals_by_agency(charges_for_ledger(**filters))
    }


def test_ledger_totals_per_agency_match_the_hand_built_fixture(ledger):
    assert _totals() == {
        "Children's Social Care": (2, 1, Decimal("90.00"), Decimal("60.00")),
        "Oakfield Primary School": (1, 1, Decimal("90.00"), Decimal("0.00")),
    }


def test_ledger_totals_for_one_period_and_one_agency(ledger):
    april = {"start": date(2026, 4, 1), "end": date(2026, 4, 30)}
    assert _totals(**april) == {
        "Children's Social Care": (1, 1, Decimal("90.00"), Decimal("0.00")),
        "Oakfield Primary School": (1, 0, Decimal("60.00"), Decimal("0.00")),
    }
    assert _totals(agency=ledger["school"]) == {
        "Oakfield Primary School": (1, 1, Decimal("90.00"), Decimal("0.00")),
    }
    assert _totals(status=ChargeStatus.WAIVED) == {
        "Children's Social Care": (1, 0, Decimal("0.00"), Decimal("60.00")),
    }


def test_the_ledger_page_is_for_partnership_leads_only(
    client, ledger, learner, trainer, agency_lead
):
    for user in (learner, trainer, agency_lead):
        client.force_login(user)
        assert client.get("/training/charges/").status_code == 403
        assert client.get("/training/charges/?export=csv").status_code == 403
    client.logout()
    assert client.get("/training/charges/").status_code == 302


def test_the_ledger_page_shows_totals_and_each_charge_linked_to_its_session(
    client, ledger, partnership_lead
):
    client.force_login(partnership_lead)

    response = client.get("/training/charges/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "£180.00" in page  # outstanding across both agencies: 90 + 90
    assert "£60.00" in page
    for charge in Charge.objects.all():
        assert f'href="/training/{charge.session_id}/"' in page
    assert page.count("/waive/") == 4  # the waived charge has no waive link


def test_the_ledger_csv_matches_the_screen_with_filters(
    client, ledger, partnership_lead
):
    client.force_login(partnership_lead)
    school = ledger["school"]

    response = client.get(f"/training/charges/?agency={school.pk}&export=csv")

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Generated at"
    assert rows[1][:2] == ["Agency", "Oakfield Primary School"]
    body = rows[3:]
    assert len(body) == 2
    assert {row[1] for row in body} == {"Oakfield Primary School"}
    assert sorted(row[4] for row in body) == ["30.00", "60.00"]
    assert {row[3] for row in body} == {"Did not attend", "Late cancellation"}


def test_the_ledger_csv_neutralises_spreadsheet_formulas(
    client, course, trainer, partnership_lead
):
    sneaky = make_person(
        email="x@formula.example.org",
        agency=AgencyFactory(name="=HYPERLINK(1)", domains=["formula.example.org"]),
        name="@SUM(A1)",
    )
    session = _past_session(course)
    booking = _booking(session, sneaky)
    register_save(
        session=session, statuses={booking.pk: "did_not_attend"}, recorded_by=trainer
    )
    client.force_login(partnership_lead)

    rows = list(
        csv.reader(
            io.StringIO(client.get("/training/charges/?export=csv").content.decode())
        )
    )

    assert rows[3][1].startswith("'=")
    assert rows[3][2].startswith("'@")


def test_an_invalid_ledger_filter_shows_an_error_and_no_rows(
    client, ledger, partnership_lead
):
    client.force_login(partnership_lead)

    response = client.get("/training/charges/?start=2026-05-01&end=2026-04-01")

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert list(response.context["charges"]) == []


def test_the_ledger_query_count_does_not_grow_with_charges(
    client, ledger, partnership_lead, course, trainer, django_assert_max_num_queries
):
    client.force_login(partnership_lead)
    with django_assert_max_num_queries(16) as small:
        client.get("/training/charges/")
    session = _past_session(course, days_ago=3, capacity=30)
    extra = [
        _booking(
            session,
            make_person(email=f"more{n}@council.example.org", agency=ledger["council"]),
        )
        for n in range(15)
    ]
    register_save(
        session=session,
        statuses={b.pk: "did_not_attend" for b in extra},
        recorded_by=trainer,
    )

    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/training/charges/")
    assert len(response.context["charges"]) == 20


def test_waiving_through_the_page(client, charge, partnership_lead):
    client.force_login(partnership_lead)

    empty = client.post(f"/training/charges/{charge.pk}/waive/", {"reason": ""})
    assert empty.status_code == 400
    assert str(WAIVE_REASON_REQUIRED) in empty.content.decode()

    response = client.post(
        f"/training/charges/{charge.pk}/waive/", {"reason": "Bereavement."}
    )
    assert response.status_code == 302
    charge.refresh_from_db()
    assert (charge.status, charge.waive_reason) == ("waived", "Bereavement.")


def test_waiving_is_refused_without_the_permission_or_for_an_unknown_charge(
    client, charge, agency_lead, partnership_lead
):
    client.force_login(agency_lead)
    response = client.post(f"/training/charges/{charge.pk}/waive/", {"reason": "x"})
    assert response.status_code == 403
    client.force_login(partnership_lead)
    assert (
        client.post("/training/charges/999999/waive/", {"reason": "x"}).status_code
        == 404
    )
    charge.refresh_from_db()
    assert charge.status == ChargeStatus.OUTSTANDING


# Substitution pages --------------------------------------------------------


def test_a_learner_sends_a_colleague_through_the_page(client, soon_session, people):
    booking = booking_create(session=soon_session, learner=people[0])
    client.force_login(people[0])
    detail = client.get(f"/training/{soon_session.pk}/").content.decode()
    assert f"/training/bookings/{booking.pk}/pass-on/" in detail

    unknown = client.post(
        f"/training/bookings/{booking.pk}/pass-on/", {"email": "nobody@example.org"}
    )
    assert unknown.status_code == 400
    assert str(SUBSTITUTE_NOT_FOUND) in unknown.content.decode()
    booking.refresh_from_db()
    assert booking.status == "booked"

    response = client.post(
        f"/training/bookings/{booking.pk}/pass-on/", {"email": people[1].email.upper()}
    )
    assert response.status_code == 302
    assert soon_session.bookings.get(status="booked").user == people[1]


def test_someone_elses_booking_cannot_be_passed_on(
    client, soon_session, people, other_learner
):
    booking = booking_create(session=soon_session, learner=people[0])
    client.force_login(people[1])
    assert client.get(f"/training/bookings/{booking.pk}/pass-on/").status_code == 404
    assert (
        client.post(
            f"/training/bookings/{booking.pk}/pass-on/", {"email": people[1].email}
        ).status_code
        == 404
    )
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_a_place_cannot_be_passed_to_an_address_in_another_agency_through_the_page(
    client, soon_session, people, other_learner
):
    booking = booking_create(session=soon_session, learner=people[0])
    client.force_login(people[0])

    response = client.post(
        f"/training/bookings/{booking.pk}/pass-on/", {"email": other_learner.email}
    )

    assert response.status_code == 400
    assert str(SUBSTITUTE_NOT_FOUND) in response.content.decode()
    assert soon_session.bookings.get().user == people[0]


def test_partnership_leads_hold_the_waive_permission():
    from django.contrib.auth.models import Group

    from learning.accounts.roles import roles_sync

    roles_sync()
    lead_group = Group.objects.get(name=Role.PARTNERSHIP_LEADS)
    assert lead_group.permissions.filter(codename="waive_charge").exists()


def test_a_partnership_lead_sets_the_charging_policy_in_the_admin(
    client, partnership_lead, police
):
    course = CourseFactory()
    client.force_login(partnership_lead)
    url = f"/admin/snippets/events/course/edit/{course.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="fee_exempt_kinds"' in page.content.decode()

    response = client.post(
        url,
        {
            "title": course.title,
            "description": course.description,
            "audience": "",
            "cpd_minutes": 180,
            "refresher_months": 36,
            "cancellation_cutoff_days": 3,
            "no_show_fee": "55.00",
            "late_cancellation_fee": "20.50",
            "fee_exempt_kinds": [AgencyKind.POLICE, AgencyKind.MASH],
            "fee_exempt_agencies": [police.pk],
            "grants_licence": "",
            "is_active": "on",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    course.refresh_from_db()
    assert course.no_show_fee == Decimal("55.00")
    assert course.late_cancellation_fee == Decimal("20.50")
    assert course.fee_exempt_kinds == [AgencyKind.POLICE, AgencyKind.MASH]
    assert list(course.fee_exempt_agencies.all()) == [police]


def test_a_negative_fee_is_refused_in_the_admin(client, partnership_lead):
    course = CourseFactory()
    client.force_login(partnership_lead)

    response = client.post(
        f"/admin/snippets/events/course/edit/{course.pk}/",
        {
            "title": course.title,
            "description": course.description,
            "cpd_minutes": 180,
            "cancellation_cutoff_days": 3,
            "no_show_fee": "-5",
            "late_cancellation_fee": "0",
        },
    )

    assert response.status_code == 200
    course.refresh_from_db()
    assert course.no_show_fee == Decimal("0")
