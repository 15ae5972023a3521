"""Word lists and case profiles for generated demo plans (all fictional)."""

from __future__ import annotations

from dataclasses import dataclass

from sip_desk.domain.enums import PrincipalType

K, R, OA = PrincipalType.KOMMUN, PrincipalType.REGION, PrincipalType.OTHER

FIRST_NAMES = (
    "Anna", "Eva", "Maria", "Karin", "Sara", "Elin", "Emma", "Linnea", "Alva", "Maja", "Ebba",
    "Ingrid", "Astrid", "Fatima", "Amina", "Leila", "Hodan", "Selam", "Zahra", "Åsa", "Märta",
    "Lars", "Erik", "Johan", "Anders", "Karl", "Mikael", "Jonas", "Oskar", "Noah", "Elias",
    "Hugo", "Liam", "Ahmed", "Omar", "Yusuf", "Ali", "Mohamed", "Dawit", "Reza", "Örjan",
    "Ђорђе", "Milan", "Jelena", "Olena", "Tomasz", "Aino", "Niilo", "Sofia", "Nils", "Ida",
)  # fmt: skip
LAST_NAMES = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
    "Persson", "Svensson", "Gustafsson", "Lindberg", "Lindqvist", "Ekström", "Holm",
    "Nordin", "Sandberg", "Berg", "Strand", "Åkesson", "Öberg", "Hassan", "Mohammed",
    "Ali", "Haddad", "Abdi", "Tesfaye", "Karimi", "Hosseini", "Nowak", "Petrović",
    "Петровић", "Kovalenko", "Virtanen", "Mäkinen", "Yilmaz", "Saleh", "Nasser", "Falk",
)  # fmt: skip
STREETS = (
    "Storgatan", "Parkgatan", "Tallvägen", "Björkvägen", "Skolgatan", "Kyrkogatan",
    "Ekbackavägen", "Lönnvägen", "Ängsvägen", "Sjövägen", "Bruksgatan", "Järnvägsgatan",
)  # fmt: skip
KOMMUNER = (
    "Björkvik", "Ekeskog", "Granås", "Hälleby", "Lövsta", "Norrsund", "Sjövik", "Stenåsa",
    "Tallmo", "Vallbo", "Åbyhed", "Ängsö",
)  # fmt: skip
REGIONS = ("Region Mellansund", "Region Norrsund", "Region Västersjö")
OTHER_ACTORS = ("Försäkringskassan", "Arbetsförmedlingen", "Kriminalvården")
KOMMUN_UNITS = (
    "Vuxenenheten, missbruk och beroende", "Ekonomiskt bistånd", "Boendestöd",
    "Barn och familj", "Familjebehandlingen", "Socialpsykiatri", "LSS-handläggning",
    "Biståndshandläggning äldre", "Hemtjänsten",
)  # fmt: skip
REGION_UNITS = (
    "Beroendemottagningen", "BUP", "Vuxenpsykiatrin", "Vårdcentralen Centrum", "BVC Centrum",
    "Geriatriska kliniken", "Habiliteringen",
)  # fmt: skip
# Language codes as the editor stores them (domain/languages.py): (spoken, interpreter).
LANGUAGES = (("ar", "ar"), ("so", "so"), ("ti", "ti"), ("prs", "prs"), ("en", "en"),
             ("uk", "uk"))  # fmt: skip
RELATIVES = ("Syster", "Bror", "Mamma", "Pappa", "Dotter", "Son", "Make", "Sambo")


@dataclass(frozen=True)
class Role:
    """A professional at the table: principal, unit (kommun/region) or organisation (other)."""

    principal: PrincipalType
    place: str  # a unit of the kommun/region, or the other actor's organisation ("school")
    title: str


@dataclass(frozen=True)
class Profile:
    """A kind of SIP: its people, needs, goals (long, short) and actions ``(text, role)``."""

    key: str
    ages: tuple[int, int]
    roles: tuple[Role, ...]
    reason: str
    needs: tuple[str, ...]
    long_goals: tuple[str, ...]
    short_goals: tuple[str, ...]
    actions: tuple[tuple[str, int], ...]


PROFILES = (
    Profile(
        "addiction", (22, 64),
        (Role(K, "Vuxenenheten, missbruk och beroende", "Socialsekreterare"),
         Role(R, "Beroendemottagningen", "Sjuksköterska"), Role(K, "Boendestöd", "Boendestödjare"),
         Role(K, "Ekonomiskt bistånd", "Handläggare"),
         Role(OA, "Försäkringskassan", "Handläggare sjukpenning")),
        "Beroendebehandling, boende och ekonomi behöver samordnas.",
        ("Eget boende", "Behandling för beroende", "Försörjning", "Sysselsättning"),
        ("Ha ett eget boende", "Vara drogfri ett år", "Ha ett arbete"),
        ("Gå på alla behandlingssamtal", "Betala hyran själv varje månad"),
        (("Öppenvårdsbehandling varje vecka", 1), ("Provtagning enligt överenskommelse", 1),
         ("Läkemedelsbehandling", 1), ("Boendestöd två gånger i veckan", 2),
         ("Ansökan om träningslägenhet", 0), ("Utredning av ekonomiskt bistånd", 3),
         ("Budget- och skuldrådgivning", 3), ("Avstämningsmöte om arbetsförmåga", 4),
         ("Sjukpenning under behandlingen", 4), ("Återfallsprevention i grupp", 1),
         ("Uppföljande samtal om boendet", 0), ("Kontakt med anhöriggrupp", 0)),
    ),
    Profile(
        "youth", (7, 17),
        (Role(R, "BUP", "Psykolog"), Role(OA, "school", "Skolkurator"),
         Role(K, "Familjebehandlingen", "Familjebehandlare"),
         Role(K, "Barn och familj", "Socialsekreterare"), Role(OA, "school", "Rektor")),
        "Skolfrånvaro och psykisk ohälsa; skolan, BUP och socialtjänsten samordnar.",
        ("Anpassad skolgång", "Behandling av oro", "Stöd till familjen", "Fritid och vänner"),
        ("Gå till skolan varje dag", "Må bättre och sova bättre", "Ha en kompis att vara med"),
        ("Vara i skolan tre förmiddagar i veckan", "Gå på fritidsgården en gång i veckan"),
        (("Samtalsbehandling (KBT) varannan vecka", 0), ("Bedömning av utredningsbehov", 0),
         ("Kartlägga frånvaron", 1), ("Anpassad studiegång", 4), ("Studiegrupp på förmiddagar", 4),
         ("Familjesamtal hemma varje vecka", 2), ("Föräldrastödsgrupp", 2),
         ("Kontaktperson på fritiden", 3), ("Utredning enligt socialtjänstlagen", 3),
         ("Elevhälsomöte varje månad", 1), ("Läkemedelsuppföljning", 0)),
    ),
    Profile(
        "family", (19, 45),
        (Role(R, "BVC Centrum", "BVC-sjuksköterska"), Role(R, "Vårdcentralen Centrum", "Läkare"),
         Role(K, "Barn och familj", "Socialsekreterare"),
         Role(K, "Ekonomiskt bistånd", "Handläggare"),
         Role(OA, "Arbetsförmedlingen", "Arbetsförmedlare")),
        "Familj som nyss flyttat; hälsa, ekonomi och vardag behöver samordnas.",
        ("Barnets hälsa", "Förälderns mående", "Ekonomi och boende", "Svenska och nätverk"),
        ("Att barnet växer och mår bra", "Att jag orkar med vardagen", "Att lära mig svenska"),
        ("Sova fem timmar per natt", "Gå till öppna förskolan varje vecka"),
        (("BVC-besök enligt programmet", 0), ("Hembesök av BVC", 0),
         ("Screening för nedstämdhet", 1),
         ("Samtalsstöd på vårdcentralen", 1), ("Föräldragrupp på familjecentralen", 2),
         ("Utredning av ekonomiskt bistånd", 3), ("Hjälp med ansökan om bostadsbidrag", 3),
         ("Etableringsplan och SFI", 4), ("Förskoleplats", 2), ("Kontakt med tolk vid besök", 0)),
    ),
    Profile(
        "psychiatry", (19, 70),
        (Role(R, "Vuxenpsykiatrin", "Skötare"), Role(K, "Socialpsykiatri", "Handläggare"),
         Role(K, "Boendestöd", "Boendestödjare"), Role(R, "Vårdcentralen Centrum", "Läkare"),
         Role(OA, "Arbetsförmedlingen", "Arbetsförmedlare")),
        "Psykisk ohälsa med behov av stöd i boende, vård och sysselsättning.",
        ("Stöd i vardagen", "Psykiatrisk behandling", "Sysselsättning", "Fysisk hälsa"),
        ("Klara min vardag själv", "Ha något att göra på dagarna", "Må bra i kroppen"),
        ("Handla mat själv varje vecka", "Gå på daglig sysselsättning två dagar i veckan"),
        (("Samtal med fast vårdkontakt", 0), ("Läkemedelsgenomgång", 3), ("Hälsokontroll", 3),
         ("Boendestöd tre gånger i veckan", 2), ("Beslut om sysselsättning", 1),
         ("Träffpunkt två dagar i veckan", 1), ("Arbetsträning", 4), ("Krisplan ses över", 0),
         ("Ansökan om god man", 1), ("Stöd med ekonomi", 2), ("Psykopedagogisk grupp", 0)),
    ),
    Profile(
        "elderly", (68, 96),
        (Role(R, "Geriatriska kliniken", "Sjuksköterska"),
         Role(K, "Biståndshandläggning äldre", "Biståndshandläggare"),
         Role(K, "Hemtjänsten", "Undersköterska"),
         Role(R, "Vårdcentralen Centrum", "Distriktssköterska"),
         Role(K, "Hemtjänsten", "Arbetsterapeut")),
        "Utskrivning från sjukhus; vård och omsorg i hemmet behöver samordnas.",
        ("Trygg hemgång", "Läkemedel", "Hjälp i hemmet", "Rehabilitering"),
        ("Bo kvar hemma", "Kunna gå ut själv", "Träffa mina barnbarn"),
        ("Gå till brevlådan med rollator", "Äta lunch varje dag"),
        (("Hemtjänst morgon och kväll", 2), ("Trygghetslarm", 1), ("Läkemedelsgenomgång", 3),
         ("Dosdispensering", 3), ("Hemrehabilitering", 4), ("Bostadsanpassning", 4),
         ("Utskrivningsplanering", 0), ("Uppföljande hembesök", 3), ("Matdistribution", 1),
         ("Dagverksamhet två dagar i veckan", 1), ("Avlösning för anhörig", 1)),
    ),
    Profile(
        "disability", (4, 30),
        (Role(R, "Habiliteringen", "Arbetsterapeut"),
         Role(K, "LSS-handläggning", "LSS-handläggare"),
         Role(OA, "school", "Specialpedagog"), Role(R, "Vårdcentralen Centrum", "Läkare"),
         Role(OA, "Försäkringskassan", "Handläggare")),
        "Funktionsnedsättning; habilitering, LSS och skola samordnar stödet.",
        ("Hjälpmedel", "Stöd i skolan", "Avlösning för familjen", "Kommunikation"),
        ("Klara skolan", "Kunna göra saker själv", "Ha en fritidsaktivitet"),
        ("Använda bildstöd hemma och i skolan", "Pröva korttidsvistelse en helg"),
        (("Utprovning av hjälpmedel", 0), ("Kommunikationsstöd med bildstöd", 0),
         ("Korttidsvistelse", 1), ("Ledsagarservice", 1), ("Personlig assistans, utredning", 1),
         ("Anpassningar i undervisningen", 2), ("Elevassistent", 2), ("Läkarbesök årligen", 3),
         ("Omvårdnadsbidrag", 4), ("Habiliteringsplan", 0), ("Föräldrautbildning", 0)),
    ),
)  # fmt: skip
