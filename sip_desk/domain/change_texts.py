"""Plain-language texts for "what changed since the last signed version" (sv, en, ar).

Short sentences for a person reading their own plan, often in a second language. Each template
takes ``{subject}`` (the goal, action or name concerned) and, where useful, ``{fields}``.
"""

from __future__ import annotations

CHANGE_LANGUAGES = ("sv", "en", "ar")

# (area, kind) -> (sv, en, ar)
TEMPLATES: dict[tuple[str, str], tuple[str, str, str]] = {
    ("field", "changed"): ("Ändrat: {subject}.", "Changed: {subject}.", "تم التغيير: {subject}."),
    ("person", "changed"): (
        "Ändrade uppgifter om dig: {subject}.",
        "Changed details about you: {subject}.",
        "تم تغيير بياناتك: {subject}.",
    ),
    ("status", "changed"): (
        "Planens status är nu: {subject}.",
        "The plan's status is now: {subject}.",
        "حالة الخطة الآن: {subject}.",
    ),
    ("participant", "added"): (
        "Ny deltagare: {subject}.",
        "New participant: {subject}.",
        "مشارك جديد: {subject}.",
    ),
    ("participant", "removed"): (
        "Deltar inte längre: {subject}.",
        "No longer taking part: {subject}.",
        "لم يعد مشاركاً: {subject}.",
    ),
    ("participant", "changed"): (
        "Ändrade uppgifter för {subject}.",
        "Changed details for {subject}.",
        "تم تغيير بيانات {subject}.",
    ),
    ("consent", "added"): (
        "Nytt samtycke: {subject}.",
        "New consent: {subject}.",
        "موافقة جديدة: {subject}.",
    ),
    ("consent", "removed"): (
        "Samtycket är borttaget: {subject}.",
        "Consent removed: {subject}.",
        "تم حذف الموافقة: {subject}.",
    ),
    ("consent", "changed"): (
        "Ändrat samtycke: {subject}.",
        "Changed consent: {subject}.",
        "تم تغيير الموافقة: {subject}.",
    ),
    ("consent", "revoked"): (
        "Samtycket är återkallat: {subject}.",
        "Consent withdrawn: {subject}.",
        "تم سحب الموافقة: {subject}.",
    ),
    ("goal", "added"): ("Nytt mål: {subject}.", "New goal: {subject}.", "هدف جديد: {subject}."),
    ("goal", "removed"): (
        "Målet är borttaget: {subject}.",
        "Goal removed: {subject}.",
        "تم حذف الهدف: {subject}.",
    ),
    ("goal", "changed"): (
        "Ändrat mål: {subject}.",
        "Changed goal: {subject}.",
        "تم تغيير الهدف: {subject}.",
    ),
    ("need", "added"): ("Nytt behov: {subject}.", "New need: {subject}.", "حاجة جديدة: {subject}."),
    ("need", "removed"): (
        "Behovet är borttaget: {subject}.",
        "Need removed: {subject}.",
        "تم حذف الحاجة: {subject}.",
    ),
    ("need", "changed"): (
        "Ändrat behov: {subject}.",
        "Changed need: {subject}.",
        "تم تغيير الحاجة: {subject}.",
    ),
    ("action", "added"): (
        "Ny insats: {subject}.",
        "New action: {subject}.",
        "إجراء جديد: {subject}.",
    ),
    ("action", "removed"): (
        "Insatsen är borttagen: {subject}.",
        "Action removed: {subject}.",
        "تم حذف الإجراء: {subject}.",
    ),
    ("action", "changed"): (
        "Ändrad insats: {subject} ({fields}).",
        "Changed action: {subject} ({fields}).",
        "تم تغيير الإجراء: {subject} ({fields}).",
    ),
    ("meeting", "added"): (
        "Nytt möte: {subject}.",
        "New meeting: {subject}.",
        "اجتماع جديد: {subject}.",
    ),
    ("meeting", "removed"): (
        "Mötet är borttaget: {subject}.",
        "Meeting removed: {subject}.",
        "تم حذف الاجتماع: {subject}.",
    ),
    ("meeting", "changed"): (
        "Ändrat möte: {subject} ({fields}).",
        "Changed meeting: {subject} ({fields}).",
        "تم تغيير الاجتماع: {subject} ({fields}).",
    ),
}

# field group key -> (sv, en, ar)
FIELD_LABELS: dict[str, tuple[str, str, str]] = {
    "reason": ("skälet till planen", "the reason for the plan", "سبب الخطة"),
    "meeting_question": ("frågan till mötet", "the question for the meeting", "سؤال الاجتماع"),
    "requested": ("vem som begärde planen", "who asked for the plan", "من طلب الخطة"),
    "lead": ("vem som har huvudansvaret", "who has overall responsibility", "المسؤول الرئيسي"),
    "coordinator": ("samordnare", "coordinator", "المنسق"),
    "made_with_person": (
        "om planen gjordes med dig",
        "whether the plan was made with you",
        "هل أُعدت الخطة معك",
    ),
    "plan_consent": ("ditt samtycke till planen", "your consent to the plan", "موافقتك على الخطة"),
    "what_matters": ("det som är viktigt för dig", "what matters to you", "ما هو مهم بالنسبة لك"),
    "strengths": ("dina styrkor", "your strengths", "نقاط قوتك"),
    "person_own_actions": ("det du gör själv", "what you do yourself", "ما تفعله بنفسك"),
    "relatives_own_actions": (
        "det dina närstående gör",
        "what your relatives do",
        "ما يفعله أقاربك",
    ),
    "crisis": ("krisplanen", "the crisis plan", "خطة الأزمات"),
    "legal_reference": ("lagrum", "legal reference", "المرجع القانوني"),
    "name": ("namn", "name", "الاسم"),
    "identity": ("personnummer", "identity number", "الرقم الشخصي"),
    "contact": ("kontaktuppgifter", "contact details", "بيانات الاتصال"),
    "language": ("språk och tolk", "language and interpreter", "اللغة والمترجم"),
    "representatives": (
        "vårdnadshavare eller ställföreträdare",
        "guardians or representatives",
        "الأوصياء أو الممثلون",
    ),
    "description": ("beskrivning", "description", "الوصف"),
    "responsible": ("ansvarig", "who is responsible", "المسؤول"),
    "time": ("tid", "time", "الوقت"),
    "status": ("status", "status", "الحالة"),
    "goals": ("mål", "goals", "الأهداف"),
    "need": ("behov", "need", "الحاجة"),
    "cost": ("kostnadsansvar", "cost responsibility", "المسؤولية عن التكاليف"),
    "place": ("plats", "place", "المكان"),
    "convenor": ("vem som kallar", "who convenes", "من يدعو"),
    "result": ("uppföljningens resultat", "the follow-up result", "نتيجة المتابعة"),
}

STATUS_LABELS: dict[str, tuple[str, str, str]] = {
    "draft": ("utkast", "draft", "مسودة"),
    "active": ("pågår", "active", "سارية"),
    "closed": ("avslutad", "closed", "منتهية"),
}

LIST_SEPARATOR = {"sv": ", ", "en": ", ", "ar": "، "}


def pick(texts: tuple[str, str, str], lang: str) -> str:
    """The text in ``lang`` (sv, en or ar); Swedish for any other language."""
    index = CHANGE_LANGUAGES.index(lang) if lang in CHANGE_LANGUAGES else 0
    return texts[index]
