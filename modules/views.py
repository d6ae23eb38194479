from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from learning.core.middleware import request_arrived_at

from .forms import ConfidenceForm, step_form_for
from .models import ModulePage, QuizAttempt, QuizAttemptStatus
from .selectors import (
    progress_get_latest,
    progress_get_open,
    quiz_questions_for_attempt,
    quiz_review,
    quiz_review_visible,
    quiz_status,
    step_feedback,
    step_position,
)
from .services import (
    QUIZ_ATTEMPT_CLOSED,
    QUIZ_TIME_UP,
    STEP_MISMATCH,
    STEP_NOT_ON_PATH,
    module_progress_complete,
    module_progress_start,
    module_step_submit,
    module_steps_for,
    quiz_attempt_expire_if_due,
    quiz_attempt_save,
    quiz_attempt_start,
    quiz_attempt_submit,
    quiz_pool_for,
)

FEEDBACK_KINDS = {"chronology", "decision", "gcp2_grading", "knowledge_check"}
STEP_NOT_AVAILABLE = _("You cannot skip ahead. Continue from your current step.")
START_FIRST = _("Start the module first.")
MODULE_COMPLETED = _("You have completed “%(title)s”.")
TAKE_THE_QUIZ = _("Thank you. Now take the quiz: passing it completes the module.")
QUIZ_SAVED = _(
    "Your answers are saved. You can come back and finish this attempt later."
)
QUIZ_PASSED = _("You passed the quiz and have completed “%(title)s”.")
QUIZ_NOT_YOUR_ATTEMPT = _(
    "These answers do not belong to your current attempt. Nothing was saved."
)
CONFIDENCE_BEFORE_LABEL = _(
    "Before you start: how confident do you feel about the learning outcomes above?"
)
CONFIDENCE_AFTER_LABEL = _(
    "Now that you have finished: how confident do you feel about the learning outcomes?"
)


def _login_required(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def _step_url(module, number):
    return module.url + module.reverse_subpage("step", kwargs={"number": number})


def _resume_url(module, progress):
    if progress.current_step is None:
        if progress.confidence_after is not None and module.has_quiz:
            return module.url + module.reverse_subpage("quiz")
        return module.url + module.reverse_subpage("finish")
    return _step_url(module, progress.current_step + 1)


def _refuse(request, module, message, status=400):
    return TemplateResponse(
        request,
        "modules/step_refused.html",
        {"page": module, "message": message},
        status=status,
    )


def module_start(request, module: ModulePage):
    if response := _login_required(request):
        return response
    progress = progress_get_open(user=request.user, module=module)
    if progress:
        return redirect(_resume_url(module, progress))
    form = ConfidenceForm(_post_or_none(request), label=CONFIDENCE_BEFORE_LABEL)
    if request.method == "POST" and form.is_valid():
        try:
            progress = module_progress_start(
                user=request.user,
                module=module,
                confidence_before=form.cleaned_data["confidence"],
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            return redirect(_resume_url(module, progress))
    return TemplateResponse(
        request, "modules/module_start.html", {"page": module, "form": form}
    )


def module_step(request, module: ModulePage, number: int):
    if response := _login_required(request):
        return response
    progress = progress_get_latest(user=request.user, module=module)
    if progress is None:
        messages.info(request, START_FIRST)
        return redirect(module.url + module.reverse_subpage("start"))
    steps = module_steps_for(progress=progress)
    index = number - 1
    if not 0 <= index < len(steps):
        if request.method == "POST":
            return _refuse(request, module, STEP_NOT_ON_PATH)
        messages.info(request, STEP_NOT_AVAILABLE)
        return redirect(_resume_url(module, progress))
    step = steps[index]
    reachable = step.id in progress.visited or progress.current_step == index
    if not reachable:
        if request.method == "POST":
            return _refuse(request, module, STEP_NOT_ON_PATH)
        messages.info(request, STEP_NOT_AVAILABLE)
        return redirect(_resume_url(module, progress))

    response_data = progress.responses.get(step.id)
    form = None
    if request.method == "POST":
        if request.POST.get("progress") != str(progress.pk) or request.POST.get(
            "block_id"
        ) != str(step.id):
            return _refuse(request, module, STEP_MISMATCH)
        form = step_form_for(step, data=request.POST)
        if form.is_valid():
            try:
                progress = module_step_submit(
                    progress=progress,
                    number=number,
                    block_id=step.id,
                    answer=form.answer(),
                )
            except ValidationError as exc:
                if exc.code != "answered":
                    return _refuse(request, module, exc.messages[0])
            if step.kind in FEEDBACK_KINDS:
                return redirect(_step_url(module, number))
            return redirect(
                _resume_url(module, progress)
                if not progress.is_complete
                else module.url
            )
    elif response_data is None or step.kind == "reflection":
        initial = {"text": response_data.get("text")} if response_data else None
        form = step_form_for(step, initial=initial)

    position = step_position(steps=steps, progress=progress, index=index)
    answered = step.id in progress.visited
    if answered and step.kind in FEEDBACK_KINDS:
        form = None
    if position.next_number:
        next_url = _step_url(module, position.next_number)
    else:
        next_url = module.url + module.reverse_subpage("finish")
    context = {
        "page": module,
        "progress": progress,
        "step": step,
        "form": form,
        "answered": answered,
        "feedback": step_feedback(step=step, response=progress.responses.get(step.id)),
        "position": position,
        "previous_url": _step_url(module, position.previous_number)
        if position.previous_number
        else module.url,
        "next_url": next_url,
    }
    return TemplateResponse(request, "modules/module_step.html", context)


def module_finish(request, module: ModulePage):
    if response := _login_required(request):
        return response
    progress = progress_get_open(user=request.user, module=module)
    if progress is None:
        return redirect(module.url)
    if progress.steps_completed_at is None:
        messages.info(request, STEP_NOT_AVAILABLE)
        return redirect(_resume_url(module, progress))
    form = ConfidenceForm(_post_or_none(request), label=CONFIDENCE_AFTER_LABEL)
    if request.method == "POST" and form.is_valid():
        try:
            progress = module_progress_complete(
                progress=progress, confidence_after=form.cleaned_data["confidence"]
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            if progress.is_complete:
                messages.success(request, MODULE_COMPLETED % {"title": module.title})
                return redirect(module.url)
            messages.info(request, TAKE_THE_QUIZ)
            return redirect(module.url + module.reverse_subpage("quiz"))
    steps = module_steps_for(progress=progress)
    return TemplateResponse(
        request,
        "modules/module_finish.html",
        {
            "page": module,
            "form": form,
            "progress": progress,
            "previous_url": _step_url(module, _last_step_number(steps, progress)),
        },
    )


def _last_step_number(steps, progress):
    ids = [s.id for s in steps]
    last = progress.visited[-1] if progress.visited else None
    return ids.index(last) + 1 if last in ids else 1


def _post_or_none(request):
    # An empty POST must still bind the form, so that its errors are shown.
    return request.POST if request.method == "POST" else None


def _quiz_url(module):
    return module.url + module.reverse_subpage("quiz")


def _results_url(module, attempt):
    return module.url + module.reverse_subpage(
        "quiz_results", kwargs={"number": attempt.number}
    )


def _posted_answers(request, attempt):
    """Answers from the form: ``q-<question id>`` fields, including tampered ones."""
    answers = {q["id"]: [] for q in attempt.questions}
    for key in request.POST:
        if key.startswith("q-"):
            answers[key[2:]] = request.POST.getlist(key)
    return answers


def quiz_attempt(request, module: ModulePage):
    # Deadlines are judged by when the request arrived, not when it got this far.
    arrived_at = request_arrived_at(request)
    if response := _login_required(request):
        return response
    if not module.has_quiz:
        raise Http404
    status = quiz_status(user=request.user, module=module)
    attempt = status.open_attempt
    if attempt is not None:
        attempt = quiz_attempt_expire_if_due(attempt=attempt, arrived_at=arrived_at)
        if not attempt.is_open:
            messages.info(request, QUIZ_TIME_UP)
            return redirect(_results_url(module, attempt))

    if request.method == "POST":
        action = request.POST.get("action")
        if action == "start":
            try:
                quiz_attempt_start(user=request.user, module=module)
            except ValidationError as exc:
                messages.error(request, exc.messages[0])
            return redirect(_quiz_url(module))
        if attempt is None or request.POST.get("attempt") != str(attempt.pk):
            finished = _finished_attempt(request, module)
            if finished is None:
                return _refuse(request, module, QUIZ_NOT_YOUR_ATTEMPT)
            return _quiz_already_finished(request, module, finished, action)
        answers = _posted_answers(request, attempt)
        if action == "save":
            return _quiz_save(request, module, attempt, answers, arrived_at)
        return _quiz_submit(request, module, attempt, answers, arrived_at)

    if attempt is None:
        progress = progress_get_latest(user=request.user, module=module)
        return TemplateResponse(
            request,
            "modules/quiz_intro.html",
            {
                "page": module,
                "status": status,
                "progress": progress,
                "ready": bool(
                    progress
                    and progress.steps_completed_at
                    and progress.confidence_after
                ),
            },
        )
    return _render_attempt(request, module, attempt)


def _render_attempt(request, module, attempt, *, missing=(), error=None, status=200):
    pool = quiz_pool_for(attempt=attempt)
    return TemplateResponse(
        request,
        "modules/quiz_attempt.html",
        {
            "page": module,
            "attempt": attempt,
            "questions": quiz_questions_for_attempt(attempt=attempt, pool=pool),
            "missing": set(missing),
            "error": error,
        },
        status=status,
    )


def _finished_attempt(request, module):
    """The learner's own finished attempt named in the POST, if that is what it names."""
    posted = request.POST.get("attempt", "")
    if not posted.isdigit():
        return None
    return (
        QuizAttempt.objects.filter(pk=int(posted), user=request.user, module=module)
        .exclude(status=QuizAttemptStatus.OPEN)
        .first()
    )


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _quiz_already_finished(request, module, attempt, action):
    """A resend for an attempt already scored (a double click, a retry after a lost
    response, a late autosave): show that attempt's result; nothing changes."""
    if action == "save":
        if _wants_json(request):
            return HttpResponse(status=409)
        messages.info(request, QUIZ_ATTEMPT_CLOSED)
        return redirect(_results_url(module, attempt))
    attempt = quiz_attempt_submit(attempt=attempt, answers={})
    return redirect(_results_url(module, attempt))


def _quiz_save(request, module, attempt, answers, arrived_at):
    try:
        quiz_attempt_save(attempt=attempt, answers=answers, arrived_at=arrived_at)
    except ValidationError as exc:
        if exc.code == "time_up":
            messages.info(request, exc.messages[0])
            return redirect(_results_url(module, attempt))
        if _wants_json(request):
            return HttpResponse(status=400)
        return _refuse(request, module, exc.messages[0])
    if _wants_json(request):
        return HttpResponse(status=204)
    messages.success(request, QUIZ_SAVED)
    return redirect(_quiz_url(module))


def _quiz_submit(request, module, attempt, answers, arrived_at):
    try:
        attempt = quiz_attempt_submit(
            attempt=attempt, answers=answers, arrived_at=arrived_at
        )
    except ValidationError as exc:
        if exc.code == "time_up":
            messages.info(request, exc.messages[0])
            return redirect(_results_url(module, attempt))
        if exc.code == "incomplete":
            # Keep what they did answer, then show which questions are missing.
            quiz_attempt_save(attempt=attempt, answers=answers, arrived_at=arrived_at)
            attempt.refresh_from_db()
            return _render_attempt(
                request,
                module,
                attempt,
                missing=exc.params["missing"],
                error=exc.messages[0],
            )
        return _refuse(request, module, exc.messages[0])
    if attempt.passed:
        messages.success(request, QUIZ_PASSED % {"title": module.title})
    return redirect(_results_url(module, attempt))


def quiz_results(request, module: ModulePage, number: int):
    if response := _login_required(request):
        return response
    attempt = (
        QuizAttempt.objects.filter(user=request.user, module=module, number=number)
        .exclude(status="open")
        .first()
    )
    if attempt is None:
        raise Http404
    status = quiz_status(user=request.user, module=module)
    visible = quiz_review_visible(module=module, status=status)
    review = (
        quiz_review(attempt=attempt, pool=quiz_pool_for(attempt=attempt))
        if visible
        else []
    )
    return TemplateResponse(
        request,
        "modules/quiz_results.html",
        {
            "page": module,
            "attempt": attempt,
            "status": status,
            "review_visible": visible,
            "review": review,
            "review_content": module.quiz_review_content,
        },
    )
