"""What every acting entry point checks first: the account as the database holds it now, the
role it acts in, and that a date a person typed can be true.

Steps of the SOP are checked by `workflow.acting_role`, which starts here with `account`;
books kept outside the steps (ekspedisi, voiding an agenda number) by `holding`. An account
disabled, locked or removed meanwhile is so refused at its next action, whatever the session
still holds."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from model.auth import account_refusal
from model.base import now
from model.errors import Invalid, NotAllowed
from model.org import User
from model.roles import LABELS

TYPED_TIME_SLACK = timedelta(minutes=5)  # a time typed to the minute may run ahead of the clock


def account(actor: User | None) -> User:
    """`actor` re-read from the database; NotAllowed if it is disabled, locked or gone."""
    if actor is None:
        raise NotAllowed("Tindakan ini hanya dapat dilakukan oleh pengguna yang masuk.")
    refusal = account_refusal(actor.id)
    if refusal:
        raise NotAllowed(refusal)
    return User.get_by_id(actor.id)


def names(roles: tuple[str, ...]) -> str:
    """`roles` as the user reads them: "Kasi … atau Administrasi Umum"."""
    return " atau ".join(LABELS[r] for r in roles)


def holding(actor: User, roles: tuple[str, ...], doing: str) -> str:
    """The first of `roles` the re-read account holds to do `doing`, else NotAllowed."""
    user = account(actor)
    for role in roles:
        if user.has_role(role):
            return role
    raise NotAllowed(f"Hanya {names(roles)} yang dapat {doing}.")


def not_future(value: date | datetime | None, what: str) -> None:
    """Refuse a typed date after today, or a typed time more than a few minutes ahead."""
    if isinstance(value, datetime):
        late = value > now() + TYPED_TIME_SLACK
    else:
        late = value is not None and value > now().date()
    if late:
        raise Invalid(f"{what} tidak boleh di masa depan.")
