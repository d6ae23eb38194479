"""The learner's path through a module's steps.

Steps run in order, except that a decision option's ``go_to`` or a step's
``continue_to`` jumps forward to a named step. Targets are always later steps (the
StreamBlock validates it), so every path ends.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    index: int
    number: int
    block: object

    @property
    def id(self):
        return self.block.id

    @property
    def kind(self):
        return self.block.block_type

    @property
    def value(self):
        return self.block.value


def steps_of(stream) -> list[Step]:
    return [Step(index=i, number=i + 1, block=block) for i, block in enumerate(stream)]


def _positions(steps):
    return {s.value.step_name: s.index for s in steps if s.value.step_name}


def next_index(steps: list[Step], index: int, response: dict | None) -> int:
    """Where a learner goes after the step at ``index`` (len(steps) means the end)."""
    positions = _positions(steps)
    step = steps[index]
    if step.kind == "decision" and response:
        for option in step.value["options"].bound_blocks:
            if option.id == response.get("option"):
                target = (option.value["go_to"] or "").strip()
                if target in positions and positions[target] > index:
                    return positions[target]
    target = step.value.continue_to_name
    if target in positions and positions[target] > index:
        return positions[target]
    return index + 1


def path_indexes(steps: list[Step], responses: dict) -> list[int]:
    """The indexes a learner passes through, given their answers so far.

    Unanswered decisions take the default route, so this is also the projected
    path used for "step X of Y".
    """
    path = []
    index = 0
    while index < len(steps):
        path.append(index)
        index = next_index(steps, index, responses.get(steps[index].id))
    return path
