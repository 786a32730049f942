# Inbjudningar
invitations-title = Inbjudningar
invite-heading = Bjud in en person
invite-intro = Skriv e-postadressen till den du vill bjuda in och välj en roll. Du får en inbjudningslänk som du själv skickar till personen: Polku skickar ännu inte e-post. Länken fungerar en gång och i 7 dagar.
invite-submit = Skapa inbjudningslänk
invitations-pending-heading = Väntande inbjudningar
invitations-pending-empty = Inga väntande inbjudningar. När du bjuder in någon syns inbjudan här tills den tas i bruk.
invitation-invited-by = Inbjuden av
invitation-valid-until = Giltig till
invitation-withdraw = Dra tillbaka inbjudan

# Inbjudan skapad
invitation-created-title = Inbjudningslänken är klar
invitation-created-send = Skicka den här länken själv till { $email }, till exempel per e-post eller sms. Polku skickar ännu inte e-post.
invitation-created-what = Med länken kommer man in i projektet { $workspace } med rollen { $role }. Länken fungerar en gång och gäller till { $expires }.
invitation-created-once = Länken visas bara nu. Om den kommer bort, dra tillbaka inbjudan och skapa en ny.
invitation-link = Inbjudningslänk
invitation-back = Tillbaka till projektet
invitation-invite-another = Bjud in en annan person

# Dra tillbaka
invitation-withdraw-title = Dra tillbaka inbjudan?
invitation-withdraw-what = Inbjudan till { $email } (roll: { $role }) slutar fungera. Med länken kommer man inte längre in i projektet.
invitation-withdraw-made = Inbjudan gjordes av { $inviter } { $created }.
invitation-withdraw-submit = Dra tillbaka inbjudan
invitation-withdraw-cancel = Dra inte tillbaka

# Inbjudningssidan
invitation-title = Inbjudan till projektet { $workspace }
invitation-intro = { $inviter } bjöd in { $email } till projektet { $workspace }. Roll där: { $role }.
invitation-valid = Inbjudan gäller till { $expires } och kan användas en gång.
invitation-accept = Ta emot inbjudan och gå med
invitation-other-account = Du är inloggad med { $signed_in }, men den här inbjudan gäller { $email }. Logga ut och öppna länken igen.
invitation-login-heading = Har du redan ett Polku-konto?
invitation-login-intro = Logga in med { $email }. Efter det kommer du tillbaka till den här sidan.
invitation-login = Logga in
invitation-signup-heading = Ny i Polku? Skapa ett konto
invitation-signup-intro = Kontot skapas för den inbjudna adressen. När kontot är klart är du genast medlem i projektet.
invitation-signup-submit = Skapa konto och gå med
field-password-again = Lösenordet igen
password-hint = Minst 12 tecken. Flera ord i rad är ett bra lösenord som är lätt att komma ihåg.
