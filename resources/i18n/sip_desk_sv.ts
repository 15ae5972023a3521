<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AboutYouPage</name>
    <message>
        <source>About you</source>
        <translation>Om dig</translation>
    </message>
    <message>
        <source>The logs record what your account %1 does. Your name, unit and organisation are shown beside it, and a new plan starts with you as a participant.</source>
        <translation>Loggarna visar vad ditt konto %1 gör. Ditt namn, din enhet och din organisation visas bredvid kontot, och en ny plan börjar med dig som deltagare.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>Your professional role</source>
        <translation>Din yrkesroll</translation>
    </message>
    <message>
        <source>e.g. social worker, nurse, teacher</source>
        <translation>t.ex. socialsekreterare, sjuksköterska, lärare</translation>
    </message>
    <message>
        <source>Your unit</source>
        <translation>Din enhet</translation>
    </message>
    <message>
        <source>Your organisation</source>
        <translation>Din organisation</translation>
    </message>
    <message>
        <source>Principal of your organisation</source>
        <translation>Huvudman för din organisation</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>N&amp;amn:</translation>
    </message>
    <message>
        <source>&amp;Professional role:</source>
        <translation>&amp;Yrkesroll:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Enhet:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Princip&amp;al:</source>
        <translation>Huvu&amp;dman:</translation>
    </message>
</context>
<context>
    <name>ActionTableModel</name>
    <message>
        <source>What is done</source>
        <translation>Vad som görs</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Behov</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Huvudman</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Responsible person</source>
        <translation>Ansvarig person</translation>
    </message>
    <message>
        <source>Other actor</source>
        <translation>Annan aktör</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cost responsibility</source>
        <translation>Kostnadsansvar</translation>
    </message>
    <message>
        <source>Linked goals</source>
        <translation>Kopplade mål</translation>
    </message>
    <message>
        <source>New action: type what is done</source>
        <translation>Ny insats: skriv vad som görs</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(inte vald)</translation>
    </message>
</context>
<context>
    <name>ActionsSection</name>
    <message>
        <source>4. Needs and actions: who does what, when</source>
        <translation>4. Behov och insatser: vem gör vad, och när</translation>
    </message>
    <message>
        <source>Needs: what the person needs help with</source>
        <translation>Behov: vad personen behöver hjälp med</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Insatser</translation>
    </message>
    <message>
        <source>Goals the current action works towards (Space ticks):</source>
        <translation>Mål som den valda insatsen arbetar mot (mellanslag kryssar):</translation>
    </message>
    <message>
        <source>Linked goals of the current action</source>
        <translation>Kopplade mål för den valda insatsen</translation>
    </message>
    <message>
        <source>What I do m&amp;yself</source>
        <translation>Det här gör &amp;jag själv</translation>
    </message>
    <message>
        <source>What my relatives do</source>
        <translation>Det här gör &amp;mina närstående</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 av %2</translation>
    </message>
</context>
<context>
    <name>BackupBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Today&apos;s backup could not be made. %1</source>
        <translation>Dagens säkerhetskopia kunde inte göras. %1</translation>
    </message>
</context>
<context>
    <name>Bindings</name>
    <message>
        <source>Error message</source>
        <translation>Felmeddelande</translation>
    </message>
    <message>
        <source>Not saved yet: the database is busy. It is saved when it is free.</source>
        <translation>Inte sparat än: databasen är upptagen. Det sparas när den är ledig.</translation>
    </message>
    <message>
        <source>Not saved yet: someone else changed this field at the same time. Leave the field to choose which text to keep.</source>
        <translation>Inte sparat ännu: någon annan ändrade samma fält samtidigt. Lämna fältet för att välja vilken text som ska gälla.</translation>
    </message>
</context>
<context>
    <name>CaseloadDialog</name>
    <message>
        <source>Caseload per coordinator</source>
        <translation>Ärendemängd per samordnare</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Samordnare</translation>
    </message>
    <message>
        <source>Active plans</source>
        <translation>Aktiva planer</translation>
    </message>
    <message>
        <source>Follow-ups, next 30 days</source>
        <translation>Uppföljningar, kommande 30 dagar</translation>
    </message>
    <message>
        <source>Overdue actions</source>
        <translation>Försenade insatser</translation>
    </message>
</context>
<context>
    <name>ChangesPanel</name>
    <message>
        <source>Changes since the last signed version</source>
        <translation>Ändringar sedan den senast undertecknade versionen</translation>
    </message>
    <message>
        <source>These changes need the person&apos;s approval before the plan is signed.</source>
        <translation>Personen behöver godkänna ändringarna innan planen skrivs under.</translation>
    </message>
    <message>
        <source>Changed since signed version %1 (%2)</source>
        <translation>Ändrat sedan undertecknad version %1 (%2)</translation>
    </message>
    <message>
        <source>Go to the field</source>
        <translation>Gå till fältet</translation>
    </message>
</context>
<context>
    <name>CompletenessPanel</name>
    <message>
        <source>What the plan lacks before signing</source>
        <translation>Det här saknas innan planen kan undertecknas</translation>
    </message>
    <message>
        <source>Missing before signing: %1</source>
        <translation>Saknas före underskrift: %1</translation>
    </message>
    <message>
        <source>Press Enter on an item to go to its field.</source>
        <translation>Tryck Enter på en rad för att gå till fältet.</translation>
    </message>
    <message>
        <source>Complete.</source>
        <translation>Komplett.</translation>
    </message>
    <message>
        <source>Complete: the plan can be signed.</source>
        <translation>Komplett: planen kan undertecknas.</translation>
    </message>
    <message>
        <source>Go to the field</source>
        <translation>Gå till fältet</translation>
    </message>
</context>
<context>
    <name>ConflictBar</name>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Not saved yet, because someone else changed the same text at the same time: %1. Your text is kept until you choose.</source>
        <translation>Inte sparat ännu, eftersom någon annan ändrade samma text samtidigt: %1. Din text finns kvar tills du väljer.</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>”%1”</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else changed the same field</source>
        <translation>Någon annan ändrade samma fält</translation>
    </message>
    <message>
        <source>“%1” was changed and saved by someone else while you were editing it. Nothing is lost: choose which text to keep.</source>
        <translation>”%1” ändrades och sparades av någon annan medan du skrev. Inget går förlorat: välj vilken text som ska gälla.</translation>
    </message>
    <message>
        <source>Their text</source>
        <translation>Den andras text</translation>
    </message>
    <message>
        <source>Your text</source>
        <translation>Din text</translation>
    </message>
    <message>
        <source>Merged text</source>
        <translation>Sammanslagen text</translation>
    </message>
    <message>
        <source>&amp;Keep my text</source>
        <translation>&amp;Behåll min text</translation>
    </message>
    <message>
        <source>&amp;Use their text</source>
        <translation>&amp;Använd den andras text</translation>
    </message>
    <message>
        <source>&amp;Save merged text</source>
        <translation>&amp;Spara sammanslagen text</translation>
    </message>
    <message>
        <source>Decide &amp;later (Esc)</source>
        <translation>Bestäm &amp;senare (Esc)</translation>
    </message>
    <message>
        <source>Saved by someone else</source>
        <translation>Sparat av någon annan</translation>
    </message>
    <message>
        <source>Yours, not saved yet</source>
        <translation>Din, inte sparad ännu</translation>
    </message>
    <message>
        <source>&lt;b&gt;Merge by hand&lt;/b&gt; (both texts to start with; edit, then save):</source>
        <translation>&lt;b&gt;Slå ihop för hand&lt;/b&gt; (båda texterna till att börja med; redigera och spara sedan):</translation>
    </message>
</context>
<context>
    <name>ConsentTableModel</name>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Huvudman</translation>
    </message>
    <message>
        <source>Information shared</source>
        <translation>Uppgifter som lämnas</translation>
    </message>
    <message>
        <source>Information excluded</source>
        <translation>Uppgifter som inte lämnas</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gäller från</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gäller till</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Lämnat av</translation>
    </message>
    <message>
        <source>Name of giver</source>
        <translation>Namn på den som lämnat</translation>
    </message>
    <message>
        <source>Revoked on</source>
        <translation>Återkallat</translation>
    </message>
    <message>
        <source>New consent: type the organisation</source>
        <translation>Nytt samtycke: skriv organisationen</translation>
    </message>
</context>
<context>
    <name>CrisisSection</name>
    <message>
        <source>6. Crisis plan</source>
        <translation>6. Krisplan</translation>
    </message>
    <message>
        <source>Warnin&amp;g signs</source>
        <translation>Varn&amp;ingstecken</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Vad g&amp;örs</translation>
    </message>
    <message>
        <source>W&amp;hom to contact</source>
        <translation>Vem &amp;kontaktas</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Nothing is due or overdue in the coming week.</source>
        <translation>Inget är försenat eller ska göras under den kommande veckan.</translation>
    </message>
    <message>
        <source>SIP Desk</source>
        <translation>SIP Desk</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. What you have saved is safe; the last change may not have been saved. Please check it, and tell your support contact if it happens again.</source>
        <translation>Något oväntat gick fel. Det du har sparat finns kvar; den senaste ändringen kan ha gått förlorad. Kontrollera den, och kontakta din support om det händer igen.</translation>
    </message>
</context>
<context>
    <name>EditorActions</name>
    <message>
        <source>Undo</source>
        <translation>Ångra</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Gör om</translation>
    </message>
    <message>
        <source>Save now</source>
        <translation>Spara nu</translation>
    </message>
    <message>
        <source>&amp;Meeting mode</source>
        <translation>&amp;Mötesläge</translation>
    </message>
    <message>
        <source>Go to what is missing</source>
        <translation>Gå till det som saknas</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>Si&amp;gn…</source>
        <translation>Skriv un&amp;der…</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Ångra %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Gör om %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>Change %1</source>
        <translation>Ändra %1</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>deltagare</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>samtycke</translation>
    </message>
    <message>
        <source>goal</source>
        <translation>mål</translation>
    </message>
    <message>
        <source>need</source>
        <translation>behov</translation>
    </message>
    <message>
        <source>action</source>
        <translation>insats</translation>
    </message>
    <message>
        <source>representative</source>
        <translation>företrädare</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Lägg till %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Ta bort %1</translation>
    </message>
    <message>
        <source>Book follow-up</source>
        <translation>Boka uppföljning</translation>
    </message>
    <message>
        <source>Change follow-up</source>
        <translation>Ändra uppföljning</translation>
    </message>
</context>
<context>
    <name>EnumLabels</name>
    <message>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Other actor</source>
        <translation>Annan aktör</translation>
    </message>
    <message>
        <source>Summoned</source>
        <translation>Kallad</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Inbjuden</translation>
    </message>
    <message>
        <source>Oral</source>
        <translation>Muntligt</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Skriftligt</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>Personen själv</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>Legal företrädare</translation>
    </message>
    <message>
        <source>Long-term goal</source>
        <translation>Långsiktigt mål</translation>
    </message>
    <message>
        <source>Short-term goal</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planerad</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Inte utförd</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbruten</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Uppnått</translation>
    </message>
    <message>
        <source>Partly achieved</source>
        <translation>Delvis uppnått</translation>
    </message>
    <message>
        <source>Not achieved</source>
        <translation>Inte uppnått</translation>
    </message>
    <message>
        <source>Continue the plan</source>
        <translation>Fortsätta planen</translation>
    </message>
    <message>
        <source>Revise the plan</source>
        <translation>Revidera planen</translation>
    </message>
    <message>
        <source>Close the plan</source>
        <translation>Avsluta planen</translation>
    </message>
    <message>
        <source>Trustee (god man)</source>
        <translation>God man</translation>
    </message>
    <message>
        <source>Administrator (förvaltare)</source>
        <translation>Förvaltare</translation>
    </message>
    <message>
        <source>Other representative</source>
        <translation>Annan företrädare</translation>
    </message>
</context>
<context>
    <name>FollowUpRecordSection</name>
    <message>
        <source>8. Follow-up meeting</source>
        <translation>8. Uppföljningsmöte</translation>
    </message>
    <message>
        <source>Record the follow-up meeting (Ctrl+R)</source>
        <translation>Registrera uppföljningsmötet (Ctrl+R)</translation>
    </message>
    <message>
        <source>Complete the follow-up…</source>
        <translation>Slutför uppföljningen…</translation>
    </message>
    <message>
        <source>Discard the draft…</source>
        <translation>Släng utkastet…</translation>
    </message>
    <message>
        <source>New needs</source>
        <translation>Nya behov</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>(not decided)</source>
        <translation>(inte beslutat)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>Reason for the decision</source>
        <translation>Skäl för beslutet</translation>
    </message>
    <message>
        <source>The follow-up of %1 is being written; complete or discard it first.</source>
        <translation>Uppföljningen av mötet %1 håller på att skrivas; slutför eller släng den först.</translation>
    </message>
    <message>
        <source>Complete the follow-up</source>
        <translation>Slutför uppföljningen</translation>
    </message>
    <message>
        <source>The follow-up meeting is recorded as held.</source>
        <translation>Uppföljningsmötet är registrerat som hållet.</translation>
    </message>
    <message>
        <source>The meeting is recorded as held; this cannot be undone.</source>
        <translation>Mötet registreras som hållet; det går inte att ångra.</translation>
    </message>
    <message>
        <source>The plan is closed.</source>
        <translation>Planen avslutas.</translation>
    </message>
    <message>
        <source>Next follow-up booked: %1.</source>
        <translation>Nästa uppföljning bokas: %1.</translation>
    </message>
    <message>
        <source>Complete the follow-up now?</source>
        <translation>Slutföra uppföljningen nu?</translation>
    </message>
    <message>
        <source>Discard everything written about this follow-up meeting?</source>
        <translation>Släng allt som skrivits om det här uppföljningsmötet?</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>Släng utkastet</translation>
    </message>
    <message>
        <source>Meeting of %1: a draft, saved as you type. It can be finished later.</source>
        <translation>Mötet %1: ett utkast som sparas medan du skriver. Det kan slutföras senare.</translation>
    </message>
    <message>
        <source>No follow-up meeting is being recorded. Next to record: %1.</source>
        <translation>Inget uppföljningsmöte registreras just nu. Nästa att registrera: %1.</translation>
    </message>
    <message>
        <source>No follow-up meeting is booked; book it under 7. Next follow-up.</source>
        <translation>Inget uppföljningsmöte är bokat; boka det under 7. Nästa uppföljning.</translation>
    </message>
    <message>
        <source>Not yet evaluated (%1): %2</source>
        <translation>Inte bedömt än (%1): %2</translation>
    </message>
    <message>
        <source>Every goal and action is evaluated.</source>
        <translation>Alla mål och insatser är bedömda.</translation>
    </message>
</context>
<context>
    <name>FollowUpSection</name>
    <message>
        <source>Write the time as HH:MM, e.g. 13:30.</source>
        <translation>Skriv tiden som TT:MM, t.ex. 13:30.</translation>
    </message>
    <message>
        <source>7. Next follow-up</source>
        <translation>7. Nästa uppföljning</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>&amp;Tid</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Who convenes</source>
        <translation>Vem kallar</translation>
    </message>
    <message>
        <source>Video link</source>
        <translation>Videolänk</translation>
    </message>
    <message>
        <source>In %1 weeks</source>
        <translation>Om %1 veckor</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(inte vald)</translation>
    </message>
</context>
<context>
    <name>GoalTableModel</name>
    <message>
        <source>Goal in the person&apos;s own words</source>
        <translation>Mål med personens egna ord</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Tidsram</translation>
    </message>
    <message>
        <source>Sub-goal of</source>
        <translation>Delmål till</translation>
    </message>
    <message>
        <source>New goal: type it in the person&apos;s words</source>
        <translation>Nytt mål: skriv det med personens ord</translation>
    </message>
    <message>
        <source>(main goal)</source>
        <translation>(huvudmål)</translation>
    </message>
</context>
<context>
    <name>GoalsSection</name>
    <message>
        <source>3. What matters to me, strengths and goals</source>
        <translation>3. Vad är viktigt för mig, styrkor och mål</translation>
    </message>
    <message>
        <source>&amp;What matters to me</source>
        <translation>Vad &amp;är viktigt för mig</translation>
    </message>
    <message>
        <source>&amp;Strengths</source>
        <translation>St&amp;yrkor</translation>
    </message>
    <message>
        <source>Goals in the person&apos;s own words</source>
        <translation>Mål med personens egna ord</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Import plan from JSON</source>
        <translation>Importera plan från JSON</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-filer (*.json);;Alla filer (*)</translation>
    </message>
    <message>
        <source>The plan is already in the database (plan %1). Import it as a new plan anyway?</source>
        <translation>Planen finns redan i databasen (plan %1). Importera ändå som en ny plan?</translation>
    </message>
    <message>
        <source>The file %1 could not be read as text (UTF-8).</source>
        <translation>Filen %1 kunde inte läsas som text (UTF-8).</translation>
    </message>
    <message>
        <source>The plan was not imported; nothing was changed.</source>
        <translation>Planen importerades inte; ingenting har ändrats.</translation>
    </message>
    <message>
        <source>Imported the plan for %1.</source>
        <translation>Planen för %1 är importerad.</translation>
    </message>
    <message>
        <source>Imported the plan for %1 and updated the stored person.</source>
        <translation>Planen för %1 importerades och den sparade personen uppdaterades.</translation>
    </message>
    <message>
        <source>Imported the plan for %1; protected identity was switched on as the file says, the other stored details were kept.</source>
        <translation>Planen för %1 importerades; skyddad identitet slogs på enligt filen, övriga sparade uppgifter behölls.</translation>
    </message>
    <message>
        <source>Imported the plan for %1; the stored person was kept as it was.</source>
        <translation>Planen för %1 importerades; den sparade personen behölls oförändrad.</translation>
    </message>
</context>
<context>
    <name>ImportPersonDialog</name>
    <message>
        <source>Import plan for a stored person</source>
        <translation>Importera plan för en sparad person</translation>
    </message>
    <message>
        <source>%1 is already stored, with 1 plan.</source>
        <translation>%1 finns redan sparad, med 1 plan.</translation>
    </message>
    <message>
        <source>%1 is already stored, with %2 plans.</source>
        <translation>%1 finns redan sparad, med %2 planer.</translation>
    </message>
    <message>
        <source>The imported plan is attached to the stored person. The file&apos;s details of the person differ:</source>
        <translation>Den importerade planen kopplas till den sparade personen. Filens uppgifter om personen skiljer sig:</translation>
    </message>
    <message>
        <source>&amp;Update the stored person with the file&apos;s details</source>
        <translation>&amp;Uppdatera den sparade personen med filens uppgifter</translation>
    </message>
    <message>
        <source>Protected identity is never switched off by an import, and the address of a person with protected identity is never taken from a file. A file that marks the person as protected switches protection on.</source>
        <translation>Skyddad identitet slås aldrig av vid en import, och adressen för en person med skyddad identitet tas aldrig från en fil. En fil som anger skyddad identitet slår på skyddet.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importera</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalj</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Sparat</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>I filen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anmärkning</translation>
    </message>
    <message>
        <source>Differences between the file and the stored person</source>
        <translation>Skillnader mellan filen och den sparade personen</translation>
    </message>
</context>
<context>
    <name>KnownPersonPanel</name>
    <message>
        <source>Stored name</source>
        <translation>Sparat namn</translation>
    </message>
    <message>
        <source>The plan is started for the stored person. The name and details typed above are not saved; change the person&apos;s details in the plan if they are out of date.</source>
        <translation>Planen startas för den sparade personen. Namnet och uppgifterna ovan sparas inte; ändra personens uppgifter i planen om de är inaktuella.</translation>
    </message>
    <message>
        <source>&amp;Back: change the identity number</source>
        <translation>&amp;Tillbaka: ändra personnumret</translation>
    </message>
    <message>
        <source>Stored name:</source>
        <translation>Sparat namn:</translation>
    </message>
    <message>
        <source>This person is already stored: 1 plan.</source>
        <translation>Personen finns redan: 1 plan.</translation>
    </message>
    <message>
        <source>This person is already stored: %1 plans.</source>
        <translation>Personen finns redan: %1 planer.</translation>
    </message>
    <message>
        <source>Protected identity.</source>
        <translation>Skyddad identitet.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Other actor</source>
        <translation>Annan aktör</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>en</source>
        <translation>sv</translation>
    </message>
</context>
<context>
    <name>LanguageCombo</name>
    <message>
        <source>Pick a language from the list, or type one that is not in it.</source>
        <translation>Välj ett språk i listan, eller skriv ett som inte finns där.</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Swedish</source>
        <translation>svenska</translation>
    </message>
    <message>
        <source>English</source>
        <translation>engelska</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>arabiska</translation>
    </message>
    <message>
        <source>Somali</source>
        <translation>somaliska</translation>
    </message>
    <message>
        <source>Tigrinya</source>
        <translation>tigrinja</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>dari</translation>
    </message>
    <message>
        <source>Persian</source>
        <translation>persiska</translation>
    </message>
    <message>
        <source>Pashto</source>
        <translation>pashto</translation>
    </message>
    <message>
        <source>Kurdish, Sorani</source>
        <translation>kurdiska, sorani</translation>
    </message>
    <message>
        <source>Kurdish, Kurmanji</source>
        <translation>kurdiska, kurmanji</translation>
    </message>
    <message>
        <source>Amharic</source>
        <translation>amhariska</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>ukrainska</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>ryska</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>polska</translation>
    </message>
    <message>
        <source>Bosnian/Croatian/Serbian</source>
        <translation>bosniska/kroatiska/serbiska</translation>
    </message>
    <message>
        <source>Albanian</source>
        <translation>albanska</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>turkiska</translation>
    </message>
    <message>
        <source>Romanian</source>
        <translation>rumänska</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>spanska</translation>
    </message>
    <message>
        <source>French</source>
        <translation>franska</translation>
    </message>
    <message>
        <source>German</source>
        <translation>tyska</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>thai</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>finska</translation>
    </message>
    <message>
        <source>Meänkieli</source>
        <translation>meänkieli</translation>
    </message>
    <message>
        <source>Northern Sami</source>
        <translation>nordsamiska</translation>
    </message>
    <message>
        <source>Romani</source>
        <translation>romani chib</translation>
    </message>
    <message>
        <source>Yiddish</source>
        <translation>jiddisch</translation>
    </message>
    <message>
        <source>Swedish Sign Language</source>
        <translation>svenskt teckenspråk</translation>
    </message>
</context>
<context>
    <name>LengthCounter</name>
    <message>
        <source>%1 of %2 characters: %3 too many</source>
        <translation>%1 av %2 tecken: %3 för många</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 av %2 tecken</translation>
    </message>
</context>
<context>
    <name>LogReviewDialog</name>
    <message>
        <source>Access log review (loggkontroll)</source>
        <translation>Loggkontroll: vem har läst vad</translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN</source>
        <translation>ÅÅÅÅMMDD-NNNN</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalj</translation>
    </message>
    <message>
        <source>&amp;Person (identity number):</source>
        <translation>&amp;Person (personnummer):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Användare:</translation>
    </message>
    <message>
        <source>&amp;From date:</source>
        <translation>&amp;Från datum:</translation>
    </message>
    <message>
        <source>&amp;To date:</source>
        <translation>&amp;Till datum:</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Läser loggen…</translation>
    </message>
    <message>
        <source>Newest hashes (write them down elsewhere): access log %1 rows, %2; audit trail %3 rows, %4.</source>
        <translation>Senaste kontrollsummor (skriv upp dem på annat ställe): åtkomstloggen %1 rader, %2; ändringsloggen %3 rader, %4.</translation>
    </message>
    <message>
        <source>Rows shown: %1. The logs are intact: no row changed or removed (%2 rows in the access log, %3 in the audit trail).</source>
        <translation>Rader som visas: %1. Loggarna är obrutna: ingen rad har ändrats eller tagits bort (%2 rader i åtkomstloggen, %3 i ändringsloggen).</translation>
    </message>
    <message>
        <source>BROKEN: %1, row %2: %3</source>
        <translation>BRUTEN: %1, rad %2: %3</translation>
    </message>
    <message>
        <source>the access log</source>
        <translation>åtkomstloggen</translation>
    </message>
    <message>
        <source>the audit trail</source>
        <translation>ändringsloggen</translation>
    </message>
    <message>
        <source>the row was changed after it was written</source>
        <translation>raden har ändrats efter att den skrevs</translation>
    </message>
    <message>
        <source>one or more rows before it have been removed</source>
        <translation>en eller flera rader före den har tagits bort</translation>
    </message>
    <message>
        <source>the row has no hash</source>
        <translation>raden saknar kontrollsumma</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>öppnad</translation>
    </message>
    <message>
        <source>listed</source>
        <translation>listad</translation>
    </message>
    <message>
        <source>search hit</source>
        <translation>sökträff</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>exporterad</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>utskriven</translation>
    </message>
    <message>
        <source>print preview</source>
        <translation>förhandsgranskning</translation>
    </message>
    <message>
        <source>completeness check</source>
        <translation>fullständighetskontroll</translation>
    </message>
    <message>
        <source>worklist</source>
        <translation>arbetslista</translation>
    </message>
    <message>
        <source>calendar file</source>
        <translation>kalenderfil</translation>
    </message>
    <message>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <source>log review</source>
        <translation>loggkontroll</translation>
    </message>
    <message>
        <source>restored from a backup</source>
        <translation>återställd från en säkerhetskopia</translation>
    </message>
    <message>
        <source>protected data shown</source>
        <translation>skyddade uppgifter visade</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>&amp;New plan…</source>
        <translation>&amp;Ny plan…</translation>
    </message>
    <message>
        <source>&amp;Open plan</source>
        <translation>&amp;Öppna plan</translation>
    </message>
    <message>
        <source>&amp;Close plan</source>
        <translation>S&amp;täng plan</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>&amp;Export plan as JSON…</source>
        <translation>&amp;Exportera plan som JSON…</translation>
    </message>
    <message>
        <source>Si&amp;gn…</source>
        <translation>Skriv un&amp;der…</translation>
    </message>
    <message>
        <source>Save &amp;as PDF…</source>
        <translation>Spara som &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Import plan from JSON…</source>
        <translation>&amp;Importera plan från JSON…</translation>
    </message>
    <message>
        <source>&amp;Delete plan (gallring)…</source>
        <translation>Ta &amp;bort plan (gallring)…</translation>
    </message>
    <message>
        <source>Plans d&amp;ue for deletion (gallring)…</source>
        <translation>Gall&amp;ringsbara planer…</translation>
    </message>
    <message>
        <source>Load de&amp;mo data</source>
        <translation>&amp;Ladda demodata</translation>
    </message>
    <message>
        <source>Access log re&amp;view…</source>
        <translation>Logg&amp;kontroll…</translation>
    </message>
    <message>
        <source>Genera&amp;te demo plans…</source>
        <translation>&amp;Generera demoplaner…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;Welcome…</source>
        <translation>&amp;Välkommen…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>&amp;Find plan</source>
        <translation>&amp;Sök plan</translation>
    </message>
    <message>
        <source>Plan &amp;list</source>
        <translation>Plan&amp;lista</translation>
    </message>
    <message>
        <source>Follow-ups (&amp;worklist)</source>
        <translation>&amp;Uppföljning (arbetslista)</translation>
    </message>
    <message>
        <source>&amp;Record follow-up…</source>
        <translation>&amp;Registrera uppföljning…</translation>
    </message>
    <message>
        <source>&amp;Caseload per coordinator…</source>
        <translation>&amp;Ärendemängd per samordnare…</translation>
    </message>
    <message>
        <source>C&amp;heck reminders now</source>
        <translation>&amp;Kontrollera påminnelser nu</translation>
    </message>
    <message>
        <source>Lar&amp;ge text</source>
        <translation>S&amp;tor text</translation>
    </message>
    <message>
        <source>&amp;Meeting mode</source>
        <translation>&amp;Mötesläge</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Recent plans</source>
        <translation>&amp;Senaste planer</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>F&amp;ollow-ups</source>
        <translation>&amp;Uppföljning</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>S&amp;pråk</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hjälp</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SIP Desk – coordinated individual plans</source>
        <translation>SIP Desk – samordnad individuell plan</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Planer</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Öppnar databasen…</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Inställningarna är sparade.</translation>
    </message>
    <message>
        <source>Plans shown: %1 of %2</source>
        <translation>Visade planer: %1 av %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(inga)</translation>
    </message>
</context>
<context>
    <name>MeetingModeWindow</name>
    <message>
        <source>SIP Desk: meeting mode</source>
        <translation>SIP Desk: mötesläge</translation>
    </message>
    <message>
        <source>The plan as the person reads it</source>
        <translation>Planen som personen läser den</translation>
    </message>
</context>
<context>
    <name>MeetingScreens</name>
    <message>
        <source>Screen</source>
        <translation>Skärm</translation>
    </message>
    <message>
        <source>%1: %2 × %3 at (%4, %5)</source>
        <translation>%1: %2 × %3 vid (%4, %5)</translation>
    </message>
</context>
<context>
    <name>MeetingText</name>
    <message>
        <source>short-term</source>
        <translation>delmål</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Vem:</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>När:</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>senast %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>från %1</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Samordnare</translation>
    </message>
    <message>
        <source>My language:</source>
        <translation>Mitt språk:</translation>
    </message>
    <message>
        <source>Interpreter:</source>
        <translation>Tolk:</translation>
    </message>
    <message>
        <source>My plan</source>
        <translation>Min plan</translation>
    </message>
    <message>
        <source>My goals</source>
        <translation>Mina mål</translation>
    </message>
    <message>
        <source>What matters to me</source>
        <translation>Det här är viktigt för mig</translation>
    </message>
    <message>
        <source>My strengths</source>
        <translation>Mina styrkor</translation>
    </message>
    <message>
        <source>Who does what, and when</source>
        <translation>Vem gör vad, och när</translation>
    </message>
    <message>
        <source>What I do myself</source>
        <translation>Det här gör jag själv</translation>
    </message>
    <message>
        <source>What my relatives do</source>
        <translation>Det här gör mina närstående</translation>
    </message>
    <message>
        <source>Whom to call</source>
        <translation>Vem jag ringer</translation>
    </message>
    <message>
        <source>If things get difficult</source>
        <translation>Om det blir svårt</translation>
    </message>
    <message>
        <source>Not booked yet.</source>
        <translation>Inte bokat ännu.</translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation>Nästa möte</translation>
    </message>
</context>
<context>
    <name>NeedTableModel</name>
    <message>
        <source>Need</source>
        <translation>Behov</translation>
    </message>
    <message>
        <source>New need: type what is needed</source>
        <translation>Nytt behov: skriv vad som behövs</translation>
    </message>
    <message>
        <source>(no need chosen)</source>
        <translation>(inget behov valt)</translation>
    </message>
</context>
<context>
    <name>NewPlanDialog</name>
    <message>
        <source>New plan</source>
        <translation>Ny plan</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Förnamn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Efternamn</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN (optional)</source>
        <translation>ÅÅÅÅMMDD-NNNN (frivilligt)</translation>
    </message>
    <message>
        <source>&amp;Protected identity (address never shown)</source>
        <translation>S&amp;kyddad identitet (adressen visas aldrig)</translation>
    </message>
    <message>
        <source>Protected identity</source>
        <translation>Skyddad identitet</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Förnamn:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Efternamn:</translation>
    </message>
    <message>
        <source>&amp;Identity number:</source>
        <translation>&amp;Personnummer:</translation>
    </message>
    <message>
        <source>Create plan</source>
        <translation>Skapa plan</translation>
    </message>
    <message>
        <source>Discard the new plan?</source>
        <translation>Kasta den nya planen?</translation>
    </message>
    <message>
        <source>What you typed here (name, identity number) is not saved.</source>
        <translation>Det du har skrivit här (namn, personnummer) sparas inte.</translation>
    </message>
    <message>
        <source>Continue typing</source>
        <translation>Fortsätt skriva</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Kasta</translation>
    </message>
    <message>
        <source>Start plan for %1</source>
        <translation>Starta plan för %1</translation>
    </message>
</context>
<context>
    <name>NextFollowUpPart</name>
    <message>
        <source>Next follow-up</source>
        <translation>Nästa uppföljning</translation>
    </message>
    <message>
        <source>In %1 weeks</source>
        <translation>Om %1 veckor</translation>
    </message>
    <message>
        <source>Suggest:</source>
        <translation>Förslag:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Video link</source>
        <translation>Videolänk</translation>
    </message>
    <message>
        <source>Not needed: the plan is closed.</source>
        <translation>Behövs inte: planen avslutas.</translation>
    </message>
    <message>
        <source>Already booked: %1. No new booking is needed.</source>
        <translation>Redan bokad: %1. Ingen ny bokning behövs.</translation>
    </message>
    <message>
        <source>Booked when the follow-up is completed (local time).</source>
        <translation>Bokas när uppföljningen slutförs (svensk tid).</translation>
    </message>
</context>
<context>
    <name>NoEffortPart</name>
    <message>
        <source>Principals without an effort – reason</source>
        <translation>Huvudmän utan insats – skäl</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Huvudman</translation>
    </message>
    <message>
        <source>Why it has no effort</source>
        <translation>Varför ingen insats</translation>
    </message>
    <message>
        <source>Every kommun and region taking part needs an effort in the plan, or a reason why it has none.</source>
        <translation>Varje kommun och region som deltar behöver en insats i planen, eller ett skäl till att den inte har någon.</translation>
    </message>
    <message>
        <source>Every kommun and region taking part has an effort in the plan.</source>
        <translation>Varje kommun och region som deltar har en insats i planen.</translation>
    </message>
    <message>
        <source>Why %1 has no effort</source>
        <translation>Varför %1 inte har någon insats</translation>
    </message>
    <message>
        <source>reason why %1 has no effort</source>
        <translation>skälet till att %1 inte har någon insats</translation>
    </message>
</context>
<context>
    <name>ParticipantTableModel</name>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Huvudman</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Summoned/invited</source>
        <translation>Kallad/inbjuden</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Närvarande</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>Närstående</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Ordförande</translation>
    </message>
    <message>
        <source>Contact role</source>
        <translation>Kontaktroll</translation>
    </message>
    <message>
        <source>New participant: type the name</source>
        <translation>Ny deltagare: skriv namnet</translation>
    </message>
</context>
<context>
    <name>ParticipantsSection</name>
    <message>
        <source>2. Participants and consent</source>
        <translation>2. Deltagare och samtycke</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Consent to share information, per organisation</source>
        <translation>Samtycke till informationsöverföring, per organisation</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(inte angivet)</translation>
    </message>
    <message>
        <source>Yes, together with the person</source>
        <translation>Ja, tillsammans med personen</translation>
    </message>
    <message>
        <source>No (give the reason below)</source>
        <translation>Nej (ange skälet nedan)</translation>
    </message>
    <message>
        <source>&amp;Made together with the person?</source>
        <translation>&amp;Gjord tillsammans med personen?</translation>
    </message>
    <message>
        <source>Why not with the person</source>
        <translation>Varför inte tillsammans med personen</translation>
    </message>
    <message>
        <source>The person consents to the plan</source>
        <translation>Personen samtycker till planen</translation>
    </message>
    <message>
        <source>&amp;Consent to the plan</source>
        <translation>Samty&amp;cke till planen</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>Datum för samtycke</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Samtycket lämnades</translation>
    </message>
    <message>
        <source>Consent given by</source>
        <translation>Samtycket lämnades av</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Encrypted database</source>
        <translation>Krypterad databas</translation>
    </message>
    <message>
        <source>The database is encrypted. Enter its passphrase to open it.</source>
        <translation>Databasen är krypterad. Ange dess lösenfras för att öppna den.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Lösenfras:</translation>
    </message>
    <message>
        <source>&amp;Remember on this computer</source>
        <translation>&amp;Kom ihåg på den här datorn</translation>
    </message>
    <message>
        <source>Kept in the keyring of your account on this computer, not in the database.</source>
        <translation>Sparas i nyckelringen för ditt konto på den här datorn, inte i databasen.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ppna</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
</context>
<context>
    <name>PersonSection</name>
    <message>
        <source>1. The person and the reason</source>
        <translation>1. Personen och anledningen</translation>
    </message>
    <message>
        <source>YYYYMMDD-NNNN</source>
        <translation>ÅÅÅÅMMDD-NNNN</translation>
    </message>
    <message>
        <source>&amp;Identity number</source>
        <translation>Person&amp;nummer</translation>
    </message>
    <message>
        <source>Protected identity: the address is never shown</source>
        <translation>Skyddad identitet: adressen visas aldrig</translation>
    </message>
    <message>
        <source>Protected identity</source>
        <translation>Skyddad identitet</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <source>Switch off protected identity for %1? The address will then be shown in lists, prints, invitations, calendar files and exports. The change is recorded in the audit log.</source>
        <translation>Stänga av skyddad identitet för %1? Adressen visas då i listor, utskrifter, kallelser, kalenderfiler och exporter. Ändringen registreras i loggen.</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Önskat språk</translation>
    </message>
    <message>
        <source>Needs an interpreter</source>
        <translation>Behöver tolk</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Tolk</translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation>Tolkspråk</translation>
    </message>
    <message>
        <source>Guardians and legal representatives</source>
        <translation>Vårdnadshavare och legala företrädare</translation>
    </message>
    <message>
        <source>First &amp;name</source>
        <translation>&amp;Förnamn</translation>
    </message>
    <message>
        <source>L&amp;ast name</source>
        <translation>&amp;Efternamn</translation>
    </message>
    <message>
        <source>&amp;Reason for the SIP</source>
        <translation>An&amp;ledning till SIP</translation>
    </message>
    <message>
        <source>&amp;Question for the meeting</source>
        <translation>Fr&amp;ågeställning till mötet</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Begärd av</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>Begärd datum</translation>
    </message>
</context>
<context>
    <name>PlanCommands</name>
    <message>
        <source>Open a plan, or select one in the plan list, first.</source>
        <translation>Öppna en plan, eller välj en i planlistan, först.</translation>
    </message>
    <message>
        <source>Still busy with the last one: %1</source>
        <translation>Arbetar fortfarande med den förra: %1</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Spara som PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Saved the plan as PDF: %1</source>
        <translation>Planen är sparad som PDF: %1</translation>
    </message>
    <message>
        <source>Export plan as JSON</source>
        <translation>Exportera plan som JSON</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-filer (*.json)</translation>
    </message>
    <message>
        <source>Exported the plan to %1</source>
        <translation>Planen är exporterad till %1</translation>
    </message>
    <message>
        <source>Delete plan</source>
        <translation>Ta bort plan</translation>
    </message>
    <message>
        <source>Delete the plan for %1 and all its versions, signatures and follow-ups? This cannot be undone. The deletion is recorded in the audit log.</source>
        <translation>Ta bort planen för %1 med alla versioner, underskrifter och uppföljningar (gallring)? Det går inte att ångra. Borttagningen förs in i loggen.</translation>
    </message>
    <message>
        <source>Deleted the plan for %1.</source>
        <translation>Planen för %1 är borttagen.</translation>
    </message>
    <message>
        <source>Deleted %1 plans due for deletion.</source>
        <translation>%1 gallringsbara planer togs bort.</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>Ladda demodata</translation>
    </message>
    <message>
        <source>Generate demo plans</source>
        <translation>Generera demoplaner</translation>
    </message>
    <message>
        <source>How many fictional plans?</source>
        <translation>Hur många påhittade planer?</translation>
    </message>
    <message>
        <source>Generated %1 demo plans.</source>
        <translation>%1 demoplaner skapade.</translation>
    </message>
    <message>
        <source>Demo data: %1 plans added, %2 already there.</source>
        <translation>Demodata: %1 planer tillagda, %2 fanns redan.</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>The plan stays open: choose which text to keep first, or it would be lost.</source>
        <translation>Planen förblir öppen: välj först vilken text som ska gälla, annars skulle den gå förlorad.</translation>
    </message>
    <message>
        <source>Changed in another copy at %1</source>
        <translation>Ändrat i en annan kopia kl. %1</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Det finns inget att ångra.</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>Det finns inget att göra om.</translation>
    </message>
    <message>
        <source>The text that could not be saved was undone.</source>
        <translation>Texten som inte kunde sparas har ångrats.</translation>
    </message>
    <message>
        <source>Everything is saved.</source>
        <translation>Allt är sparat.</translation>
    </message>
</context>
<context>
    <name>PlanListPanel</name>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Sök:</translation>
    </message>
    <message>
        <source>Name, identity number, organisation, coordinator or responsible person</source>
        <translation>Namn, personnummer, organisation, samordnare eller ansvarig</translation>
    </message>
    <message>
        <source>Search plans</source>
        <translation>Sök planer</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrera på status</translation>
    </message>
    <message>
        <source>So&amp;rt by:</source>
        <translation>Sortera &amp;efter:</translation>
    </message>
    <message>
        <source>Order of the plans</source>
        <translation>Planernas ordning</translation>
    </message>
    <message>
        <source>Latest change first</source>
        <translation>Senast ändrad först</translation>
    </message>
    <message>
        <source>New plan…</source>
        <translation>Ny plan…</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Ny plan</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Planer</translation>
    </message>
    <message>
        <source>No plans yet</source>
        <translation>Inga planer ännu</translation>
    </message>
    <message>
        <source>Start a new plan, or load the fictional demo cases to try SIP Desk.</source>
        <translation>Skapa en ny plan, eller ladda de påhittade demoärendena för att prova SIP Desk.</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>Ladda demodata</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>No plans match “%1”.</source>
        <translation>Inga planer matchar ”%1”.</translation>
    </message>
    <message>
        <source>No plans have the status “%1”.</source>
        <translation>Inga planer har status ”%1”.</translation>
    </message>
</context>
<context>
    <name>PlanSession</name>
    <message>
        <source>The plan had been changed elsewhere. It has been reloaded and your change saved on top of the latest version.</source>
        <translation>Planen hade ändrats på annat håll. Den har lästs in på nytt och din ändring har sparats i den senaste versionen.</translation>
    </message>
    <message>
        <source>The other text in “%1” was kept. Undo (Ctrl+Z) brings yours back.</source>
        <translation>Den andras text i ”%1” behölls. Ångra (Ctrl+Z) tar tillbaka din.</translation>
    </message>
    <message>
        <source>Keep other text: %1</source>
        <translation>Behåll den andras text: %1</translation>
    </message>
</context>
<context>
    <name>PlanSummaryView</name>
    <message>
        <source>Read-only summary: the plan editor is not available.</source>
        <translation>Sammanfattning (endast läsning): planredigeraren är inte tillgänglig.</translation>
    </message>
    <message>
        <source>%1 (protected identity)</source>
        <translation>%1 (skyddad identitet)</translation>
    </message>
    <message>
        <source>Identity number:</source>
        <translation>Personnummer:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Skäl:</translation>
    </message>
    <message>
        <source>Lead principal:</source>
        <translation>Huvudansvarig:</translation>
    </message>
    <message>
        <source>Coordinator:</source>
        <translation>Samordnare:</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>Deltagare:</translation>
    </message>
    <message>
        <source>Goals:</source>
        <translation>Mål:</translation>
    </message>
    <message>
        <source>Actions:</source>
        <translation>Insatser:</translation>
    </message>
    <message>
        <source>Next follow-up:</source>
        <translation>Nästa uppföljning:</translation>
    </message>
</context>
<context>
    <name>PlanTableModel</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lead principal</source>
        <translation>Huvudansvarig</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Samordnare</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Nästa uppföljning</translation>
    </message>
    <message>
        <source>Protected identity: the address is never shown or printed.</source>
        <translation>Skyddad identitet: adressen visas eller skrivs aldrig ut.</translation>
    </message>
    <message>
        <source>Protected identity: %1</source>
        <translation>Skyddad identitet: %1</translation>
    </message>
    <message>
        <source>%1 (protected)</source>
        <translation>%1 (skyddad)</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Print preview</source>
        <translation>Förhandsgranskning</translation>
    </message>
    <message>
        <source>Preview of the printed plan</source>
        <translation>Förhandsvisning av den utskrivna planen</translation>
    </message>
    <message>
        <source>Print language</source>
        <translation>Utskriftsspråk</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Förbereder förhandsvisningen…</translation>
    </message>
    <message>
        <source>This signed version failed its check and is not shown as signed.</source>
        <translation>Den här undertecknade versionen klarade inte kontrollen och visas inte som undertecknad.</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>undertecknad</translation>
    </message>
    <message>
        <source>draft, not signed</source>
        <translation>utkast, inte undertecknad</translation>
    </message>
    <message>
        <source>signed in another store (key %1)</source>
        <translation>undertecknad i en annan databas (nyckel %1)</translation>
    </message>
    <message>
        <source>Version %1 (%2), %3 pages</source>
        <translation>Version %1 (%2), %3 sidor</translation>
    </message>
    <message>
        <source>Not shown</source>
        <translation>Visas inte</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Spara som P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Stäng</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Sp&amp;råk:</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Det gick inte att starta skrivaren.</translation>
    </message>
    <message>
        <source>Sent %1 pages to the printer.</source>
        <translation>Skickade %1 sidor till skrivaren.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Spara som PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Saving to %1…</source>
        <translation>Sparar till %1…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Sparad i %1</translation>
    </message>
</context>
<context>
    <name>PrivacyMask</name>
    <message>
        <source>%1 – show (%2)</source>
        <translation>%1 – visa (%2)</translation>
    </message>
    <message>
        <source>Protected – show (%1)</source>
        <translation>Skyddad – visa (%1)</translation>
    </message>
</context>
<context>
    <name>ReadabilityBadge</name>
    <message>
        <source>Readability</source>
        <translation>Läsbarhet</translation>
    </message>
    <message>
        <source>very easy to read</source>
        <translation>mycket lätt att läsa</translation>
    </message>
    <message>
        <source>easy to read</source>
        <translation>lätt att läsa</translation>
    </message>
    <message>
        <source>medium difficulty</source>
        <translation>medelsvår text</translation>
    </message>
    <message>
        <source>short text, not judged</source>
        <translation>kort text, bedöms inte</translation>
    </message>
    <message>
        <source>hard text</source>
        <translation>svår text</translation>
    </message>
    <message>
        <source>very hard text</source>
        <translation>mycket svår text</translation>
    </message>
    <message>
        <source>LIX %1 · %2</source>
        <translation>LIX %1 · %2</translation>
    </message>
    <message>
        <source>LIX: words per sentence plus the percentage of words longer than six letters. Under 25 is very easy, 25–30 easy, 31–40 medium, 41–50 hard, above 50 very hard; above 40 the person may find it hard. Texts under 5 words are not measured, texts under 10 words only when LIX is above 60; a text under 30 words is called hard only when it has a sentence of more than 15 words or LIX above 50.</source>
        <translation>LIX: ord per mening plus andelen ord längre än sex bokstäver i procent. Under 25 är mycket lätt, 25–30 lätt, 31–40 medelsvår, 41–50 svår och över 50 mycket svår text; över 40 kan personen ha svårt att läsa den. Texter under 5 ord mäts inte, texter under 10 ord bara när LIX är över 60; en text under 30 ord kallas svår bara när den har en mening med fler än 15 ord eller LIX över 50.</translation>
    </message>
    <message>
        <source>long sentences and words</source>
        <translation>långa meningar och ord</translation>
    </message>
    <message>
        <source>long sentences</source>
        <translation>långa meningar</translation>
    </message>
    <message>
        <source>long words</source>
        <translation>långa ord</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>RecordCommand</name>
    <message>
        <source>Open a plan, or select a follow-up meeting in the worklist, first.</source>
        <translation>Öppna en plan, eller välj ett uppföljningsmöte i arbetslistan, först.</translation>
    </message>
    <message>
        <source>The plan could not be opened for editing.</source>
        <translation>Planen kunde inte öppnas för redigering.</translation>
    </message>
</context>
<context>
    <name>RecordEdits</name>
    <message>
        <source>Change %1</source>
        <translation>Ändra %1</translation>
    </message>
    <message>
        <source>Start the follow-up record</source>
        <translation>Börja registrera uppföljningen</translation>
    </message>
    <message>
        <source>Discard the follow-up record</source>
        <translation>Släng uppföljningens utkast</translation>
    </message>
</context>
<context>
    <name>RecordPdfButton</name>
    <message>
        <source>Save the last meeting&apos;s record as PDF…</source>
        <translation>Spara protokollet från senaste mötet som PDF…</translation>
    </message>
    <message>
        <source>Save the record as PDF</source>
        <translation>Spara protokollet som PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved the record as %1.</source>
        <translation>Sparade protokollet som %1.</translation>
    </message>
</context>
<context>
    <name>RecordReviews</name>
    <message>
        <source>&lt;b&gt;Goals:&lt;/b&gt; achieved? The person&apos;s own view, in their own words</source>
        <translation>&lt;b&gt;Mål:&lt;/b&gt; uppnådda? Personens egen bild, med egna ord</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Bedömning</translation>
    </message>
    <message>
        <source>The person&apos;s own view</source>
        <translation>Personens egen bild</translation>
    </message>
    <message>
        <source>The plan has no goals.</source>
        <translation>Planen har inga mål.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Actions:&lt;/b&gt; done, not done or ongoing?</source>
        <translation>&lt;b&gt;Insatser:&lt;/b&gt; klara, inte utförda eller pågår?</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Insats</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>No open actions.</source>
        <translation>Inga öppna insatser.</translation>
    </message>
    <message>
        <source>(not yet evaluated)</source>
        <translation>(inte bedömt än)</translation>
    </message>
    <message>
        <source>Evaluation of %1</source>
        <translation>Bedömning av %1</translation>
    </message>
    <message>
        <source>The person&apos;s own view of %1</source>
        <translation>Personens egen bild av %1</translation>
    </message>
    <message>
        <source>What does the person say?</source>
        <translation>Vad säger personen?</translation>
    </message>
    <message>
        <source>Comment on %1</source>
        <translation>Kommentar om %1</translation>
    </message>
</context>
<context>
    <name>RecoveryBar</name>
    <message>
        <source>Restore</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Kasta</translation>
    </message>
    <message>
        <source>Text that could not be saved before SIP Desk ended, in “%1”: %2</source>
        <translation>Text som inte hann sparas innan SIP Desk avslutades, i ”%1”: %2</translation>
    </message>
    <message>
        <source>The text is copied: paste it where it belongs (Ctrl+V).</source>
        <translation>Texten är kopierad: klistra in den där den hör hemma (Ctrl+V).</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Show follow-ups</source>
        <translation>Visa uppföljning</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>ReminderNotifier</name>
    <message>
        <source>SIP Desk: follow-ups</source>
        <translation>SIP Desk: uppföljningar</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 försenade</translation>
    </message>
    <message>
        <source>%1 due today</source>
        <translation>%1 i dag</translation>
    </message>
    <message>
        <source>%1 due this week</source>
        <translation>%1 denna vecka</translation>
    </message>
    <message>
        <source>Follow-up: %1.</source>
        <translation>Att följa upp: %1.</translation>
    </message>
</context>
<context>
    <name>RepresentativeTableModel</name>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>New representative: type the name</source>
        <translation>Ny företrädare: skriv namnet</translation>
    </message>
</context>
<context>
    <name>ResponsibilitySection</name>
    <message>
        <source>5. Lead principal and coordinator</source>
        <translation>5. Huvudansvarig huvudman och samordnare</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(inte vald)</translation>
    </message>
    <message>
        <source>Lead &amp;principal (overall responsibility)</source>
        <translation>&amp;Huvudansvarig huvudman (övergripande ansvar)</translation>
    </message>
    <message>
        <source>Lead organisation</source>
        <translation>Huvudansvarig &amp;organisation</translation>
    </message>
    <message>
        <source>Coordina&amp;tor</source>
        <translation>&amp;Samordnare</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Plans due for deletion (gallring)</source>
        <translation>Gallringsbara planer</translation>
    </message>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Verkställ</translation>
    </message>
    <message>
        <source>&amp;Delete selected plans…</source>
        <translation>&amp;Ta bort markerade planer…</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Last entry</source>
        <translation>Senaste anteckning</translation>
    </message>
    <message>
        <source>Due since</source>
        <translation>Gallras från</translation>
    </message>
    <message>
        <source>Plans due for deletion</source>
        <translation>Gallringsbara planer</translation>
    </message>
    <message>
        <source>&amp;Retention period after the last entry:</source>
        <translation>&amp;Gallringstid efter senaste anteckningen:</translation>
    </message>
    <message>
        <source>Closed plans whose last entry (change, closing, version or meeting) is the retention period or more ago; the Social Services Act keeps records five years. A deleted plan remains in the backups until they rotate out (7 daily, 4 weekly).</source>
        <translation>Avslutade planer vars senaste anteckning (ändring, avslut, version eller möte) är gallringstiden eller äldre; enligt socialtjänstlagen bevaras akter i fem år. En borttagen plan finns kvar i säkerhetskopiorna tills de roteras bort (7 dagliga, 4 veckovisa).</translation>
    </message>
    <message>
        <source>%1 plans are due for deletion.</source>
        <translation>%1 planer ska gallras.</translation>
    </message>
    <message>
        <source>No plan is due.</source>
        <translation>Ingen plan ska gallras.</translation>
    </message>
    <message>
        <source>Delete plans</source>
        <translation>Ta bort planer</translation>
    </message>
    <message>
        <source>Delete 1 plan and everything in it?</source>
        <translation>Ta bort 1 plan och allt i den?</translation>
    </message>
    <message>
        <source>Delete %1 plans and everything in them?</source>
        <translation>Ta bort %1 planer och allt i dem?</translation>
    </message>
    <message>
        <source>This cannot be undone. Each deletion is logged with the plan id and the date, without names.</source>
        <translation>Det går inte att ångra. Varje borttagning loggas med planens id och datum, utan namn.</translation>
    </message>
</context>
<context>
    <name>RowDetail</name>
    <message>
        <source>Details: %1</source>
        <translation>Detaljer: %1</translation>
    </message>
    <message>
        <source>(Escape saves and returns to the table)</source>
        <translation>(Esc sparar och går tillbaka till tabellen)</translation>
    </message>
</context>
<context>
    <name>RowTableModel</name>
    <message>
        <source>Write the date as YYYY-MM-DD, e.g. 2026-11-23.</source>
        <translation>Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-11-23.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Inte sparad: %1</translation>
    </message>
</context>
<context>
    <name>SealPage</name>
    <message>
        <source>Digital seal (optional)</source>
        <translation>Digitalt sigill (om du vill)</translation>
    </message>
    <message>
        <source>You can skip this and set it later in Settings.</source>
        <translation>Du kan hoppa över det här och ställa in det senare under Inställningar.</translation>
    </message>
    <message>
        <source>Seal certificate file</source>
        <translation>Fil med sigillcertifikat</translation>
    </message>
    <message>
        <source>No digital seal</source>
        <translation>Inget digitalt sigill</translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>&amp;Välj fil…</translation>
    </message>
    <message>
        <source>&amp;Seal certificate (PKCS#12):</source>
        <translation>Sigill&amp;certifikat (PKCS#12):</translation>
    </message>
    <message>
        <source>Certificate pass&amp;word:</source>
        <translation>Certifikatets &amp;lösenord:</translation>
    </message>
    <message>
        <source>Certificate password</source>
        <translation>Certifikatets lösenord</translation>
    </message>
    <message>
        <source>With the organisation&apos;s certificate, every saved PDF carries its digital seal: anyone can check that the printed plan is the one signed. The password is kept in the computer&apos;s keyring, never in the database.</source>
        <translation>Med organisationens certifikat får varje sparad PDF organisationens digitala sigill: vem som helst kan kontrollera att den utskrivna planen är den som skrevs under. Lösenordet sparas i datorns nyckelring, aldrig i databasen.</translation>
    </message>
    <message>
        <source>Seal certificate</source>
        <translation>Sigillcertifikat</translation>
    </message>
    <message>
        <source>PKCS#12 certificates (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12-certifikat (*.p12 *.pfx);;Alla filer (*)</translation>
    </message>
</context>
<context>
    <name>SealPassword</name>
    <message>
        <source>Seal certificate password</source>
        <translation>Sigillcertifikatets lösenord</translation>
    </message>
    <message>
        <source>This computer has no keyring, so the password of the organisation&apos;s certificate is not kept. Password (kept until SIP Desk closes):</source>
        <translation>Den här datorn har ingen nyckelring, så lösenordet till organisationens certifikat sparas inte. Lösenord (gäller tills SIP Desk stängs):</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Language of the program</source>
        <translation>Programmets språk</translation>
    </message>
    <message>
        <source>Confidentiality marking</source>
        <translation>Sekretessmarkering</translation>
    </message>
    <message>
        <source>Seal certificate file</source>
        <translation>Fil med sigillcertifikat</translation>
    </message>
    <message>
        <source>No digital seal</source>
        <translation>Inget digitalt sigill</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bläddra…</translation>
    </message>
    <message>
        <source>Certificate password</source>
        <translation>Certifikatets lösenord</translation>
    </message>
    <message>
        <source>Full &amp;names in calendar files</source>
        <translation>Hela &amp;namn i kalenderfiler</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagar</translation>
    </message>
    <message>
        <source>Days allowed before the first meeting</source>
        <translation>Dagar till det första mötet</translation>
    </message>
    <message>
        <source>Screen for meeting mode</source>
        <translation>Skärm för mötesläge</translation>
    </message>
    <message>
        <source>The other screen when there are two, else the same</source>
        <translation>Den andra skärmen när det finns två, annars samma</translation>
    </message>
    <message>
        <source>%1 (not connected now)</source>
        <translation>%1 (inte ansluten nu)</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Visning</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Sp&amp;råk:</translation>
    </message>
    <message>
        <source>Screen for m&amp;eeting mode:</source>
        <translation>S&amp;kärm för mötesläge:</translation>
    </message>
    <message>
        <source>Printed plans (PDF)</source>
        <translation>Utskrivna planer (PDF)</translation>
    </message>
    <message>
        <source>Confidentiality &amp;marking:</source>
        <translation>Sekretess&amp;markering:</translation>
    </message>
    <message>
        <source>Seal &amp;certificate (PKCS#12):</source>
        <translation>Sigill&amp;certifikat (PKCS#12):</translation>
    </message>
    <message>
        <source>Certificate &amp;password:</source>
        <translation>Certifikatets &amp;lösenord:</translation>
    </message>
    <message>
        <source>With a certificate, every saved PDF carries the organisation&apos;s digital seal. The password is kept in the computer&apos;s keyring, never in the database; without a keyring it is asked for again after each start.</source>
        <translation>Med ett certifikat får varje sparad PDF organisationens digitala sigill. Lösenordet sparas i datorns nyckelring, aldrig i databasen; utan nyckelring efterfrågas det igen efter varje start.</translation>
    </message>
    <message>
        <source>This computer has no keyring: the certificate password is kept until SIP Desk closes, and asked for again after the next start.</source>
        <translation>Den här datorn har ingen nyckelring: certifikatets lösenord gäller tills SIP Desk stängs och efterfrågas igen efter nästa start.</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>&amp;First meeting within:</source>
        <translation>&amp;Första mötet inom:</translation>
    </message>
    <message>
        <source>Discard the changed settings?</source>
        <translation>Kasta ändringarna i inställningarna?</translation>
    </message>
    <message>
        <source>The settings changed here are not saved.</source>
        <translation>Ändringarna du har gjort här sparas inte.</translation>
    </message>
    <message>
        <source>Continue editing</source>
        <translation>Fortsätt redigera</translation>
    </message>
    <message>
        <source>Discard the changes</source>
        <translation>Kasta ändringarna</translation>
    </message>
    <message>
        <source>Seal certificate</source>
        <translation>Sigillcertifikat</translation>
    </message>
    <message>
        <source>PKCS#12 certificates (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12-certifikat (*.p12 *.pfx);;Alla filer (*)</translation>
    </message>
</context>
<context>
    <name>SideSplitter</name>
    <message>
        <source>Drag to make the side panel wider or narrower</source>
        <translation>Dra för att göra sidopanelen bredare eller smalare</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature pad</source>
        <translation>Signaturruta</translation>
    </message>
    <message>
        <source>Draw the signature with the mouse, a pen or a finger. Delete clears it; Ctrl+Z takes back the last stroke or the clearing.</source>
        <translation>Rita namnteckningen med musen, en penna eller fingret. Delete tar bort den; Ctrl+Z tar tillbaka det senaste draget eller borttagningen.</translation>
    </message>
    <message>
        <source>Sign here. Delete clears the signature; Ctrl+Z takes it back.</source>
        <translation>Skriv under här. Delete tar bort namnteckningen; Ctrl+Z tar tillbaka den.</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>Skriv under här</translation>
    </message>
</context>
<context>
    <name>SignedStateBar</name>
    <message>
        <source>Changed since version %1</source>
        <translation>Ändrad sedan version %1</translation>
    </message>
    <message>
        <source>Show the changes</source>
        <translation>Visa ändringarna</translation>
    </message>
    <message>
        <source>Signed version %1, %2</source>
        <translation>Undertecknad version %1, %2</translation>
    </message>
    <message>
        <source>Signed version %1</source>
        <translation>Undertecknad version %1</translation>
    </message>
</context>
<context>
    <name>SignerRow</name>
    <message>
        <source>Signs here</source>
        <translation>Skriver under här</translation>
    </message>
    <message>
        <source>Signed on paper</source>
        <translation>Skrev under på papper</translation>
    </message>
    <message>
        <source>Does not sign now</source>
        <translation>Skriver inte under nu</translation>
    </message>
    <message>
        <source>How %1 signs</source>
        <translation>Hur %1 skriver under</translation>
    </message>
    <message>
        <source>Date signed by %1</source>
        <translation>Datum då %1 skrev under</translation>
    </message>
    <message>
        <source>Signature of %1</source>
        <translation>Namnteckning för %1</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Rensa</translation>
    </message>
    <message>
        <source>Clear the signature of %1</source>
        <translation>Ta bort namnteckningen för %1</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>The person the plan is about</source>
        <translation>Personen som planen gäller</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <source>Sign version %1</source>
        <translation>Skriv under version %1</translation>
    </message>
    <message>
        <source>Sign version</source>
        <translation>Skriv under versionen</translation>
    </message>
    <message>
        <source>Version %1 of the plan for %2 is locked when it is signed. Later changes make a new version.</source>
        <translation>Version %1 av planen för %2 låses när den skrivs under. Senare ändringar blir en ny version.</translation>
    </message>
    <message>
        <source>Changed since the last signed version:</source>
        <translation>Ändrat sedan den senast undertecknade versionen:</translation>
    </message>
    <message>
        <source>Discard the signatures?</source>
        <translation>Kasta underskrifterna?</translation>
    </message>
    <message>
        <source>Signatures collected and not yet saved: %1. They are saved when you choose “Sign version”.</source>
        <translation>Underskrifter som samlats in men inte sparats: %1. De sparas när du väljer ”Skriv under versionen”.</translation>
    </message>
    <message>
        <source>Continue signing</source>
        <translation>Fortsätt skriva under</translation>
    </message>
    <message>
        <source>Discard the signatures</source>
        <translation>Kasta underskrifterna</translation>
    </message>
    <message>
        <source>Signature missing for: %1. Each of them is marked in the list.</source>
        <translation>Underskrift saknas för: %1. Var och en är markerad i listan.</translation>
    </message>
</context>
<context>
    <name>SortChooser</name>
    <message>
        <source>%1, ascending</source>
        <translation>%1, stigande</translation>
    </message>
    <message>
        <source>%1, descending</source>
        <translation>%1, fallande</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome to SIP Desk</source>
        <translation>Välkommen till SIP Desk</translation>
    </message>
    <message>
        <source>A few questions, and you can start.</source>
        <translation>Några frågor, sedan kan du börja.</translation>
    </message>
    <message>
        <source>SIP Desk is where you write a coordinated individual plan (SIP) together with the person and everyone taking part, by keyboard and with nothing lost: everything you type is saved at once.</source>
        <translation>I SIP Desk skriver du en samordnad individuell plan (SIP) tillsammans med personen och alla som deltar, med tangentbordet och utan att något går förlorat: allt du skriver sparas direkt.</translation>
    </message>
    <message>
        <source>&amp;Try it with the demo plans (fictional persons)</source>
        <translation>&amp;Prova med demoplanerna (påhittade personer)</translation>
    </message>
    <message>
        <source>Start without the &amp;demo plans</source>
        <translation>Börja &amp;utan demoplanerna</translation>
    </message>
    <message>
        <source>The demo plans can be loaded later too (File › Load demo data); loading them twice adds nothing.</source>
        <translation>Demoplanerna kan också laddas senare (Arkiv › Ladda demodata); laddas de två gånger läggs inget till.</translation>
    </message>
</context>
<context>
    <name>StoreBusyBanner</name>
    <message>
        <source>The database is busy with another program. What you type is kept and saved as soon as the database is free.</source>
        <translation>Databasen är upptagen av ett annat program. Det du skriver finns kvar och sparas så snart databasen är ledig.</translation>
    </message>
</context>
<context>
    <name>StoreErrorDialog</name>
    <message>
        <source>The database cannot be used</source>
        <translation>Databasen kan inte användas</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Databas</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>Restore the newest good backup</source>
        <translation>Återställ den senaste hela säkerhetskopian</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Databas:</translation>
    </message>
    <message>
        <source>The database is restored</source>
        <translation>Databasen är återställd</translation>
    </message>
    <message>
        <source>Restored from the backup %1. Changes made after it was taken are not in it. The damaged database is kept at %2.</source>
        <translation>Återställd från säkerhetskopian %1. Det som ändrats efter att den togs finns inte i den. Den skadade databasen finns kvar i %2.</translation>
    </message>
    <message>
        <source>Open the database</source>
        <translation>Öppna databasen</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>Where your plans are kept</source>
        <translation>Här sparas dina planer</translation>
    </message>
    <message>
        <source>Nothing to choose here: this is how it works.</source>
        <translation>Här finns inget att välja: så här fungerar det.</translation>
    </message>
    <message>
        <source>The plans are kept in a shared database on a server (your password is not shown here). Everyone in your team works in the same plans:</source>
        <translation>Planerna sparas i en gemensam databas på en server (ditt lösenord visas inte här). Alla i ditt team arbetar i samma planer:</translation>
    </message>
    <message>
        <source>The server is backed up by its administrator, not by SIP Desk. Ask your IT department if a plan needs to be brought back.</source>
        <translation>Servern säkerhetskopieras av den som sköter den, inte av SIP Desk. Fråga din IT-avdelning om en plan behöver återställas.</translation>
    </message>
    <message>
        <source>The plans are kept in a database file on this computer:</source>
        <translation>Planerna sparas i en databasfil på den här datorn:</translation>
    </message>
    <message>
        <source>SIP Desk backs it up by itself: the first time you start it each day, it saves a copy in this folder:</source>
        <translation>SIP Desk säkerhetskopierar den själv: första gången du startar programmet varje dag sparas en kopia i den här mappen:</translation>
    </message>
    <message>
        <source>The copies of the last %1 days are kept, and one a week for %2 more weeks. Should the database ever be damaged, SIP Desk offers to put the newest good copy back.</source>
        <translation>Kopiorna från de senaste %1 dagarna sparas, och en i veckan i ytterligare %2 veckor. Om databasen någon gång skulle skadas erbjuder SIP Desk att lägga tillbaka den senaste hela kopian.</translation>
    </message>
    <message>
        <source>The copies hold the same personal data as the plans: keep them just as safe, and never send them by e-mail.</source>
        <translation>Kopiorna innehåller samma personuppgifter som planerna: skydda dem lika väl, och skicka dem aldrig med e-post.</translation>
    </message>
</context>
<context>
    <name>TablePart</name>
    <message>
        <source>Add row (Enter on last row)</source>
        <translation>Lägg till rad (Enter på sista raden)</translation>
    </message>
    <message>
        <source>Remove row (Delete)</source>
        <translation>Ta bort rad (Delete)</translation>
    </message>
    <message>
        <source>Details… (Ctrl+Enter)</source>
        <translation>Detaljer… (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Show the other fields of the current row (Ctrl+Enter in the table). Escape saves them and returns to the table.</source>
        <translation>Visa radens övriga fält (Ctrl+Enter i tabellen). Esc sparar dem och går tillbaka till tabellen.</translation>
    </message>
    <message>
        <source>Type the new row&apos;s %1 first: the details belong to a stored row.</source>
        <translation>Skriv den nya radens %1 först: detaljerna hör till en sparad rad.</translation>
    </message>
    <message>
        <source>Not saved yet: someone else changed the same cell at the same time. Use “Choose…” above the plan to decide which text to keep.</source>
        <translation>Inte sparat ännu: någon annan ändrade samma cell samtidigt. Använd ”Välj…” ovanför planen för att bestämma vilken text som ska gälla.</translation>
    </message>
</context>
<context>
    <name>TableReadability</name>
    <message>
        <source>Row %1:</source>
        <translation>Rad %1:</translation>
    </message>
    <message>
        <source>Longest sentence: “%1”</source>
        <translation>Längsta meningen: ”%1”</translation>
    </message>
</context>
<context>
    <name>TextReadability</name>
    <message>
        <source>The longest sentence is marked.</source>
        <translation>Den längsta meningen är markerad.</translation>
    </message>
</context>
<context>
    <name>TranslationSection</name>
    <message>
        <source>What matters to me</source>
        <translation>Det här är viktigt för mig</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Styrkor</translation>
    </message>
    <message>
        <source>What I do myself</source>
        <translation>Det här gör jag själv</translation>
    </message>
    <message>
        <source>Crisis plan: warning signs</source>
        <translation>Krisplan: varningstecken</translation>
    </message>
    <message>
        <source>Crisis plan: what to do</source>
        <translation>Krisplan: vad göra</translation>
    </message>
    <message>
        <source>Crisis plan: whom to contact</source>
        <translation>Krisplan: vem kontaktas</translation>
    </message>
    <message>
        <source>9. Translation for the person</source>
        <translation>9. Översättning för personen</translation>
    </message>
    <message>
        <source>Print language of the person&apos;s part</source>
        <translation>Utskriftsspråk för personens del</translation>
    </message>
    <message>
        <source>Goal %1</source>
        <translation>Mål %1</translation>
    </message>
    <message>
        <source>Action %1</source>
        <translation>Insats %1</translation>
    </message>
    <message>
        <source>Swedish text</source>
        <translation>Svensk text</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 på %2</translation>
    </message>
    <message>
        <source>translation of %1</source>
        <translation>översättning av %1</translation>
    </message>
    <message>
        <source>Translations are written in the print language of the person&apos;s part. The plan prints in Swedish now: choose another print language above to write the person&apos;s own texts in it (for example with the interpreter).</source>
        <translation>Översättningar skrivs på utskriftsspråket för personens del. Planen skrivs nu ut på svenska: välj ett annat utskriftsspråk ovan för att skriva personens egna texter på det (till exempel med tolken).</translation>
    </message>
    <message>
        <source>Write each text in %1, for example with the interpreter. The person&apos;s part of the printed plan shows these; the full plan keeps the Swedish. An empty field prints the Swedish text.</source>
        <translation>Skriv varje text på %1, till exempel med tolken. Personens del av den utskrivna planen visar dem; hela planen behåller svenskan. Ett tomt fält skriver ut den svenska texten.</translation>
    </message>
    <message>
        <source>Print the person&apos;s part in %1</source>
        <translation>Skriv ut personens del på %1</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <source>The text in %1 is not saved: %2</source>
        <translation>Texten i %1 är inte sparad: %2</translation>
    </message>
    <message>
        <source>the row is stored once you fill in %1.</source>
        <translation>raden sparas när du har fyllt i %1.</translation>
    </message>
    <message>
        <source>%1 (new row)</source>
        <translation>%1 (ny rad)</translation>
    </message>
    <message>
        <source>It could not be stored.</source>
        <translation>Den kunde inte sparas.</translation>
    </message>
    <message>
        <source>Close anyway?</source>
        <translation>Stäng ändå?</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>&amp;Gå tillbaka</translation>
    </message>
    <message>
        <source>&amp;Close anyway</source>
        <translation>&amp;Stäng ändå</translation>
    </message>
</context>
<context>
    <name>WelcomeCommand</name>
    <message>
        <source>Welcome to SIP Desk: your details are saved.</source>
        <translation>Välkommen till SIP Desk: dina uppgifter är sparade.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to SIP Desk</source>
        <translation>Välkommen till SIP Desk</translation>
    </message>
    <message>
        <source>Discard what you entered?</source>
        <translation>Kasta det du har skrivit?</translation>
    </message>
    <message>
        <source>Your details are not saved, and the welcome is shown again next time.</source>
        <translation>Dina uppgifter sparas inte, och välkomstguiden visas igen nästa gång.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsätt</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Kasta</translation>
    </message>
    <message>
        <source>This computer has no keyring: the certificate password is kept until SIP Desk closes, and asked for again after the next start.</source>
        <translation>Den här datorn har ingen nyckelring: certifikatets lösenord gäller tills SIP Desk stängs och efterfrågas igen efter nästa start.</translation>
    </message>
</context>
<context>
    <name>Worklist</name>
    <message>
        <source>Overdue</source>
        <translation>Försenad</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Denna vecka</translation>
    </message>
    <message>
        <source>Within 30 days</source>
        <translation>Inom 30 dagar</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Senare</translation>
    </message>
    <message>
        <source>Follow-up meeting</source>
        <translation>Uppföljningsmöte</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Insats</translation>
    </message>
    <message>
        <source>Consent ends</source>
        <translation>Samtycke upphör</translation>
    </message>
    <message>
        <source>Consent revoked</source>
        <translation>Samtycke återkallat</translation>
    </message>
    <message>
        <source>No follow-up booked</source>
        <translation>Ingen uppföljning bokad</translation>
    </message>
    <message>
        <source>No first meeting yet</source>
        <translation>Inget första möte ännu</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>Ingen vald</translation>
    </message>
    <message>
        <source>Overdue</source>
        <comment>group heading</comment>
        <translation>Försenade</translation>
    </message>
    <message>
        <source>Coming</source>
        <translation>Kommande</translation>
    </message>
</context>
<context>
    <name>WorklistPanel</name>
    <message>
        <source>Any</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Draft and active</source>
        <translation>Utkast och aktiva</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Allt</translation>
    </message>
    <message>
        <source>Follow-up meetings</source>
        <translation>Uppföljningsmöten</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Insatser</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Varningar</translation>
    </message>
    <message>
        <source>Due date (today, overdue, coming)</source>
        <translation>Datum (i dag, försenade, kommande)</translation>
    </message>
    <message>
        <source>The last day is before the first day. Change one of them to see the worklist.</source>
        <translation>Sista dagen är före första dagen. Ändra en av dem för att se arbetslistan.</translation>
    </message>
    <message>
        <source>Sorted the first %1 rows only; narrow the filter to sort them all.</source>
        <translation>Bara de första %1 raderna är sorterade; avgränsa filtret för att sortera alla.</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>Försenade: %1</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>I dag: %1</translation>
    </message>
    <message>
        <source>This week: %1</source>
        <translation>Denna vecka: %1</translation>
    </message>
    <message>
        <source>Press to show only these rows; press again to show all.</source>
        <translation>Tryck för att bara visa de här raderna; tryck igen för att visa alla.</translation>
    </message>
    <message>
        <source>No follow-ups counted: the range of dates runs backwards.</source>
        <translation>Inga uppföljningar räknade: datumen går baklänges.</translation>
    </message>
    <message>
        <source>Counting the follow-ups…</source>
        <translation>Räknar uppföljningarna…</translation>
    </message>
    <message>
        <source>Follow-ups in the range: %1</source>
        <translation>Uppföljningar i perioden: %1</translation>
    </message>
    <message>
        <source>Nothing to follow up with this filter.</source>
        <translation>Inget att följa upp med det här urvalet.</translation>
    </message>
    <message>
        <source>Later: %1</source>
        <translation>Senare: %1</translation>
    </message>
    <message>
        <source>More than %1; counting stops there.</source>
        <translation>Fler än %1; räkningen slutar där.</translation>
    </message>
    <message>
        <source>Updating the worklist…</source>
        <translation>Uppdaterar arbetslistan…</translation>
    </message>
    <message>
        <source>Save invitation</source>
        <translation>Spara kallelse</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Kallelse</translation>
    </message>
    <message>
        <source>Saved the invitation as %1 and %2.</source>
        <translation>Kallelsen sparades som %1 och %2.</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>Exportera till kalender</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Kalender (*.ics)</translation>
    </message>
</context>
<context>
    <name>WorklistRange</name>
    <message>
        <source>Next 7 days</source>
        <translation>Närmaste 7 dagar</translation>
    </message>
    <message>
        <source>Next 30 days</source>
        <translation>Närmaste 30 dagar</translation>
    </message>
    <message>
        <source>Next 90 days</source>
        <translation>Närmaste 90 dagar</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Allt</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>Datum…</translation>
    </message>
</context>
<context>
    <name>WorklistTab</name>
    <message>
        <source>The worklist is shown once the database is open.</source>
        <translation>Arbetslistan visas när databasen är öppen.</translation>
    </message>
</context>
<context>
    <name>WorklistTableModel</name>
    <message>
        <source>Due</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Samordnare</translation>
    </message>
</context>
<context>
    <name>WorklistView</name>
    <message>
        <source>Lea&amp;d principal:</source>
        <translation>&amp;Huvudman:</translation>
    </message>
    <message>
        <source>Or&amp;ganisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;Coordinator:</source>
        <translation>&amp;Samordnare:</translation>
    </message>
    <message>
        <source>Res&amp;ponsible person:</source>
        <translation>A&amp;nsvarig person:</translation>
    </message>
    <message>
        <source>Plan &amp;status:</source>
        <translation>Planens s&amp;tatus:</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>V&amp;isa:</translation>
    </message>
    <message>
        <source>Part of a name</source>
        <translation>Del av ett namn</translation>
    </message>
    <message>
        <source>Ti&amp;me span:</source>
        <translation>Ti&amp;dsperiod:</translation>
    </message>
    <message>
        <source>Sort &amp;by:</source>
        <translation>Sortera &amp;efter:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Ope&amp;n plan</source>
        <translation>&amp;Öppna plan</translation>
    </message>
    <message>
        <source>&amp;Record follow-up…</source>
        <translation>Re&amp;gistrera uppföljning…</translation>
    </message>
    <message>
        <source>&amp;Invitation (PDF)…</source>
        <translation>&amp;Kallelse (PDF)…</translation>
    </message>
    <message>
        <source>E&amp;xport to calendar…</source>
        <translation>E&amp;xportera till kalender…</translation>
    </message>
    <message>
        <source>C&amp;aseload…</source>
        <translation>Ärende&amp;mängd…</translation>
    </message>
    <message>
        <source>Fil&amp;ter</source>
        <translation>&amp;Filter</translation>
    </message>
</context>
<context>
    <name>self.model</name>
    <message>
        <source>%1 (protected)</source>
        <translation>%1 (skyddad)</translation>
    </message>
</context>
</TS>
