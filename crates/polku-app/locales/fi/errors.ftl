# Virheilmoitukset (koodi = avain)
error-not_found = Etsimääsi ei löytynyt. Tarkista osoite.
error-forbidden = Sinulla ei ole oikeutta tähän. Pyydä hankkeen omistajaa lisäämään sinut.
error-unauthorized = Kirjaudu ensin sisään.
error-database_unavailable = Tietokanta ei vastaa juuri nyt. Yritä hetken päästä uudelleen; tietojasi ei ole kadonnut.
error-storage_full = Palvelimen tallennustila on täynnä, joten muutosta ei tallennettu. Aiemmat tietosi ovat tallessa. Yritä myöhemmin uudelleen.
error-internal = Palvelussa tapahtui virhe. Yritä uudelleen.
error-rate_limited = Liian monta yritystä. Odota hetki ja yritä uudelleen.
error-login_rate_limited = Liian monta kirjautumisyritystä. Odota { $seconds ->
        [one] { $seconds } sekunti
       *[other] { $seconds } sekuntia
    } ja yritä uudelleen.
error-invalid_credentials = Sähköposti tai salasana on väärin.
error-method_not_allowed = Tätä toimintoa ei voi tehdä tällä osoitteella.
error-payload_too_large = Lähettämäsi tieto on liian suuri.
error-invalid_json = Pyynnön JSON ei ole kelvollista.
error-invalid_fields = Pyynnöstä puuttuu kenttiä tai niissä on väärän tyyppisiä arvoja.
error-json_required = Lähetä pyyntö JSON-muodossa (Content-Type: application/json).
error-invalid_form = Lomakkeen tietoja ei voitu lukea. Yritä uudelleen.
error-cross_origin_request = Pyyntö tuli toiselta sivustolta, joten se estettiin.
error-required = Täytä tämä kenttä.
error-too_long = Teksti on liian pitkä.
error-control_characters = Tekstissä on merkkejä, joita ei voi tallentaa.
error-invalid_email = Sähköpostiosoite ei ole oikeassa muodossa.
error-invalid_role = Valitse rooli: omistaja, fasilitaattori tai lukija.
error-password_too_short = Salasanassa pitää olla vähintään 12 merkkiä.
error-password_too_long = Salasanassa saa olla enintään 256 merkkiä.
error-password_too_guessable = Salasana on liian helppo arvata. Käytä esimerkiksi useaa sanaa.
error-email_taken = Tällä sähköpostilla on jo tunnus.
error-already_member = Henkilö on jo hankkeen jäsen.
error-last_owner = Viimeistä omistajaa ei voi poistaa eikä hänen rooliaan vaihtaa. Tee ensin joku toinen omistajaksi.
error-invalid_small_group_threshold = Kirjoita pienin näytettävä ryhmä kokonaislukuna 3–20.
error-invalid_retention_months = Kirjoita säilytysaika kuukausina, kokonaisluku 1–60.
error-duplicate = Sama tieto on jo tallennettu.
error-invitation_used = Tämä kutsu on jo käytetty.
error-invitation_withdrawn = Tämä kutsu on peruttu.
error-invitation_expired = Tämä kutsu on vanhentunut. Pyydä kutsujalta uusi kutsu.
error-invitation_other_account = Kutsu on eri sähköpostiosoitteelle kuin se, jolla olet kirjautunut. Kirjaudu ulos ja kirjaudu sisään kutsutulla osoitteella.
error-invalid_join_code = Koodissa on kuusi kirjainta ja numeroa, esimerkiksi K7M3TP. Tarkista koodi.
error-unknown_join_code = Tällä koodilla ei ole avointa työpajaa. Tarkista koodi tai kysy sitä ohjaajalta.
error-invalid_perspective = Valitse, kenen näkökulmasta osallistut.
error-invalid_vote_budget = Äänten määrän pitää olla 1–20, ja yhdelle lapulle enintään kaikki äänet.
error-vote_budget_spent = Olet käyttänyt kaikki äänesi.
error-vote_cap_reached = Olet antanut tälle lapulle jo niin monta ääntä kuin voi.
error-session_closed = Työpaja on päättynyt. Uusia lappuja tai ääniä ei voi enää lisätä.
error-session_locked = Ohjaaja on lukinnut taulun. Voit siirtää vain omia lappujasi.
error-not_your_note = Vain lapun kirjoittaja voi tehdä tämän.
error-unknown_workshop = Valitse työpaja listasta. Päättyneen sarjan työpajaan ei voi avata uutta työpajaa.
error-cannot_merge = Lappua ei voi yhdistää itseensä eikä jo yhdistettyyn lappuun.
error-join_rate_limited = { $seconds ->
    [one] Liian monta yritystä. Odota { $seconds } sekunti ja yritä uudelleen.
   *[other] Liian monta yritystä. Odota { $seconds } sekuntia ja yritä uudelleen.
}
error-post_rate_limited = { $seconds ->
    [one] Kirjoitat nopeammin kuin ehditään lukea. Odota { $seconds } sekunti.
   *[other] Kirjoitat nopeammin kuin ehditään lukea. Odota { $seconds } sekuntia.
}
error-invalid_return_code = Paluukoodia ei tunnistettu. Se on kahdeksan merkkiä, esimerkiksi K7M3-TPHX. Voit myös liittyä ilman sitä.

# Ryhmät ja työpajasarjat
error-invalid_date = Kirjoita päivämäärä muodossa vvvv-kk-pp, esimerkiksi 2026-03-15.
error-invalid_time = Kirjoita kellonaika muodossa tt:mm, esimerkiksi 13:30.
error-invalid_duration = Kirjoita kesto minuutteina, 1–720.
error-end_before_start = Loppupäivä ei voi olla ennen alkupäivää.
error-not_a_facilitator = Vetäjäksi voi valita vain hankkeen fasilitaattorin tai omistajan.
error-invalid_phase = Valitse vaihe listasta.
error-invalid_method = Valitse menetelmä listasta tai kirjoita oma.
error-too_many_agenda_items = Ohjelmassa voi olla enintään 20 kohtaa.
error-series_closed = Työpajasarja on suljettu, eikä sitä voi muuttaa. Avaa sarja ensin uudelleen.
error-invalid_choice = Valitse vaihtoehto listasta.
error-invalid_wait_days = Anna odotusaika kokonaisina päivinä väliltä 0–3650 (enintään 10 vuotta).
error-invalid_distance = Anna matka kokonaisina kilometreinä väliltä 0–2000.
error-invalid_experience = Anna kokemus luvulla −2, −1, 0, 1 tai 2.
error-invalid_drop_off = Anna osuus lukuna väliltä 0–100 (kuinka moni sadasta).
error-transition_cycle = Siirtymä veisi takaisin kohtaan, jossa asiakas on jo käynyt. Polku ei voi kiertää kehää.
error-edit_conflict = Joku muutti tätä sillä välin. Uusin versio näkyy nyt; tarkista muutoksesi ja tallenna uudelleen.
