from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .forms import ConfidenceForm, step_form_for
from .models import ModulePage
from .selectors import (
    progress_get_latest,
    progress_get_open,
    step_feedback,
    step_position,
)
from .services import (
    STEP_MISMATCH,
    STEP_NOT_ON_PATH,
    module_progress_complete,
    module_progress_start,
    module_step_submit,
    module_steps_for,
)

FEEDBACK_KINDS = {"chronology", "decision", "gcp2_grading", "knowledge_check"}
STEP_NOT_AVAILABLE = _("You cannot skip ahead. Continue from your current step.")
START_FIRST = _("Start the module first.")
MODULE_COMPLETED = _("You have completed “%(title)s”.")
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
            module_progress_complete(
                progress=progress, confidence_after=form.cleaned_data["confidence"]
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, MODULE_COMPLETED % {"title": module.title})
            return redirect(module.url)
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
