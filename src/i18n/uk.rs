//! Ukrainian: the interface's words, the nouns that follow counts in their
//! three plural forms, and the months in the cases dates need.

use sealift_format::Qualifier;

use crate::text::Case;

/// A translation of the interface's English text.
pub fn translate(english: &str) -> Option<&'static str> {
    UK.iter().find(|(en, _)| *en == english).map(|(_, uk)| *uk)
}

/// A translation of English words in a context (see [`UK_IN_CONTEXT`]).
pub fn translate_in(context: &str, english: &str) -> Option<&'static str> {
    UK_IN_CONTEXT
        .iter()
        .find(|(c, en, _)| *c == context && *en == english)
        .map(|(_, _, uk)| *uk)
}

/// Which plural form a count takes: 0 for one (1, 21, 101), 1 for few
/// (2–4, 22–24), 2 for many (0, 5–20, 25–30, 11–14, 111).
pub fn plural_form(n: usize) -> usize {
    let (units, tens) = (n % 10, n % 100);
    if units == 1 && tens != 11 {
        0
    } else if (2..=4).contains(&units) && !(12..=14).contains(&tens) {
        1
    } else {
        2
    }
}

/// The noun for `n` of the thing English calls `singular` / `plural`.
pub fn noun(n: usize, singular: &str, plural: &str) -> Option<&'static str> {
    NOUNS
        .iter()
        .find(|((one, many), _)| *one == singular && *many == plural)
        .and_then(|(_, forms)| forms.get(plural_form(n)).copied())
}

/// The noun for `n` in the genitive ("від 1 сторони", "від 5 сторін"):
/// singular after one, plural after few and many.
pub fn noun_genitive(n: usize, singular: &str, plural: &str) -> Option<&'static str> {
    NOUNS_GENITIVE
        .iter()
        .find(|((one, many), _)| *one == singular && *many == plural)
        .map(|(_, [one, many])| if plural_form(n) == 0 { *one } else { *many })
}

/// The noun for `n` in the accusative, where it differs from the nominative
/// ("1 подію", "21 заяву"): feminine nouns after one.
pub fn noun_accusative(n: usize, singular: &str, plural: &str) -> Option<&'static str> {
    NOUNS_ACCUSATIVE
        .iter()
        .find(|((one, many), _)| *one == singular && *many == plural)
        .and_then(|(_, one)| (plural_form(n) == 0).then_some(*one))
}

/// The noun for `n` in the instrumental ("між 7 місцями"): singular after one, plural after others.
pub fn noun_instrumental(n: usize, singular: &str, plural: &str) -> Option<&'static str> {
    NOUNS_INSTRUMENTAL
        .iter()
        .find(|((one, many), _)| *one == singular && *many == plural)
        .map(|(_, [one, many])| if plural_form(n) == 0 { *one } else { *many })
}

const MONTHS_NOMINATIVE: [&str; 12] = [
    "січень",
    "лютий",
    "березень",
    "квітень",
    "травень",
    "червень",
    "липень",
    "серпень",
    "вересень",
    "жовтень",
    "листопад",
    "грудень",
];
const MONTHS_GENITIVE: [&str; 12] = [
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
];
const MONTHS_INSTRUMENTAL: [&str; 12] = [
    "січнем",
    "лютим",
    "березнем",
    "квітнем",
    "травнем",
    "червнем",
    "липнем",
    "серпнем",
    "вереснем",
    "жовтнем",
    "листопадом",
    "груднем",
];
const MONTHS_LOCATIVE: [&str; 12] = [
    "січні",
    "лютому",
    "березні",
    "квітні",
    "травні",
    "червні",
    "липні",
    "серпні",
    "вересні",
    "жовтні",
    "листопаді",
    "грудні",
];

/// Months as an axis shows them.
pub const MONTHS_SHORT: [&str; 12] = [
    "січ.",
    "лют.",
    "бер.",
    "квіт.",
    "трав.",
    "черв.",
    "лип.",
    "серп.",
    "вер.",
    "жовт.",
    "лист.",
    "груд.",
];

/// A report date in words, at its precision, in the case its phrase needs:
/// "12 лютого 2024" (a day's month is always genitive), "лютий 2024",
/// "з лютого 2024", "у лютому 2024", "2024", "з 2024 року", "близько 14
/// березня 2024", "березень 2024 (непевно)".
pub fn date_words(
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
    qualifier: Qualifier,
    case: Case,
) -> String {
    let index = month.map(usize::from).and_then(|m| m.checked_sub(1));
    let name = |months: &[&'static str; 12]| index.and_then(|i| months.get(i)).copied();
    // "Близько" (about) asks for the genitive itself.
    let case = if qualifier == Qualifier::Approximate {
        Case::Genitive
    } else {
        case
    };
    let plain = match (day, name(&MONTHS_GENITIVE)) {
        (Some(day), Some(month)) => format!("{day} {month} {year}"),
        (None, Some(_)) => {
            // Months are inanimate: their accusative is their nominative.
            let months = match case {
                Case::Nominative | Case::Accusative => &MONTHS_NOMINATIVE,
                Case::Genitive => &MONTHS_GENITIVE,
                Case::Instrumental => &MONTHS_INSTRUMENTAL,
                Case::Locative => &MONTHS_LOCATIVE,
            };
            format!("{} {year}", name(months).unwrap_or_default())
        }
        _ => match case {
            Case::Nominative | Case::Accusative => year.to_string(),
            Case::Genitive => format!("{year} року"),
            Case::Instrumental => format!("{year} роком"),
            Case::Locative => format!("{year} році"),
        },
    };
    match qualifier {
        Qualifier::Exact => plain,
        Qualifier::Approximate => format!("близько {plain}"),
        Qualifier::Uncertain => format!("{plain} (непевно)"),
    }
}

/// Nouns after a count: the English singular and plural, then the Ukrainian
/// forms for one, few and many ("1 судно", "3 судна", "5 суден").
pub const NOUNS: &[((&str, &str), [&str; 3])] = &[
    (("vessel", "vessels"), ["судно", "судна", "суден"]),
    (("place", "places"), ["місце", "місця", "місць"]),
    (("trip", "trips"), ["рейс", "рейси", "рейсів"]),
    (("event", "events"), ["подія", "події", "подій"]),
    (("claim", "claims"), ["заява", "заяви", "заяв"]),
    (("estimate", "estimates"), ["оцінка", "оцінки", "оцінок"]),
    (("actor", "actors"), ["сторона", "сторони", "сторін"]),
    (("source", "sources"), ["джерело", "джерела", "джерел"]),
    (("kind", "kinds"), ["тип", "типи", "типів"]),
    (
        ("more source", "more sources"),
        ["джерело", "джерела", "джерел"],
    ),
    (("more vessel", "more vessels"), ["судно", "судна", "суден"]),
    (
        ("recorded trip", "recorded trips"),
        [
            "зафіксований рейс",
            "зафіксовані рейси",
            "зафіксованих рейсів",
        ],
    ),
    (("row", "rows"), ["рядок", "рядки", "рядків"]),
    (("day", "days"), ["день", "дні", "днів"]),
    (("route", "routes"), ["маршрут", "маршрути", "маршрутів"]),
];

/// Nouns after a count in the genitive: the English singular and plural, then
/// the Ukrainian genitive singular and plural.
pub const NOUNS_GENITIVE: &[((&str, &str), [&str; 2])] = &[
    (("actor", "actors"), ["сторони", "сторін"]),
    (("kind", "kinds"), ["типу", "типів"]),
    (("day", "days"), ["дня", "днів"]),
    (("trip", "trips"), ["рейсу", "рейсів"]),
];

/// Nouns after a count in the instrumental: singular and plural.
pub const NOUNS_INSTRUMENTAL: &[((&str, &str), [&str; 2])] =
    &[(("place", "places"), ["місцем", "місцями"])];

/// Nouns whose accusative after one differs from the nominative.
pub const NOUNS_ACCUSATIVE: &[((&str, &str), &str)] = &[
    (("event", "events"), "подію"),
    (("claim", "claims"), "заяву"),
    (("estimate", "estimates"), "оцінку"),
];

/// Words Ukrainian says differently in different places: the context, the
/// English, then the Ukrainian (see [`tr_in`](super::tr_in)).
pub const UK_IN_CONTEXT: &[(&str, &str, &str)] = &[("estimate", "By", "Автор оцінки")];

/// The interface's words: English, then Ukrainian.
pub const UK: &[(&str, &str)] = &[
    // The page: loading, header, contents, language, story.
    ("Loading the report…", "Завантаження звіту…"),
    ("Investigation", "Розслідування"),
    ("Published", "Опубліковано"),
    ("Updated", "Оновлено"),
    ("Information as of", "Інформація станом на"),
    ("By", "Автори:"),
    ("In this report", "У цьому звіті"),
    ("Interface language", "Мова інтерфейсу"),
    ("The story", "Історія"),
    ("the report in this page", "звіт на цій сторінці"),
    // Dates and numbers.
    ("from", "з"),
    ("until", "до"),
    ("date unknown", "дата невідома"),
    ("about", "близько"),
    ("at least", "щонайменше"),
    ("more than", "понад"),
    ("up to", "до"),
    ("at most", "не більше ніж"),
    // The "as of" control.
    (
        "Showing what was known by {date}",
        "Показано те, що було відомо станом на {date}",
    ),
    (
        "Showing everything in the report",
        "Показано все, що є у звіті",
    ),
    ("Replay the story by date", "Відтворити історію за датами"),
    ("As of", "Станом на"),
    ("As of {date}", "Станом на {date}"),
    ("Show everything", "Показати все"),
    // How sure.
    ("Confirmed", "Підтверджено"),
    ("Reported", "Повідомлено"),
    ("Inferred", "Виведено"),
    ("Disputed", "Оскаржено"),
    (
        "several independent sources or an official record",
        "кілька незалежних джерел або офіційний документ",
    ),
    ("one credible source", "одне надійне джерело"),
    (
        "worked out by the report's authors",
        "висновок авторів звіту",
    ),
    ("sources disagree", "джерела розходяться"),
    ("Reported or inferred", "Повідомлено або виведено"),
    (
        "Reported: {reported}; inferred: {inferred}",
        "Повідомлено: {reported}; виведено: {inferred}",
    ),
    ("How sure", "Певність"),
    // Citations and sources.
    (
        "Source {number}: {citation}",
        "Джерело {number}: {citation}",
    ),
    (", via ", ", через "),
    ("sources", "джерела"),
    ("Source: ", "Джерело: "),
    ("the report's authors", "автори звіту"),
    (" and ", " і ще "),
    ("Sources", "Джерела"),
    ("Get the data", "Отримати дані"),
    ("The whole report (JSON)", "Увесь звіт (JSON)"),
    (
        "The report as published, and one spreadsheet file (CSV) per collection, in the layout that sealift import reads.",
        "Звіт у тому вигляді, в якому його опубліковано, і по одній таблиці (CSV) на кожну збірку даних — у форматі, який читає sealift import.",
    ),
    ("{sources} of {kinds}", "{sources} {kinds}"),
    (
        "; {relayed} known only through other outlets, which are named",
        "; {relayed} з них відомі лише через інші видання, які названо",
    ),
    ("No sources in this report", "У цьому звіті немає джерел"),
    ("undated", "без дати"),
    ("Known via", "Відомо через"),
    ("News", "Новини"),
    ("Government", "Уряд"),
    ("Think tank", "Аналітичний центр"),
    ("NGO", "НУО"),
    ("Court", "Суд"),
    ("Reference", "Довідник"),
    ("Other", "Інше"),
    // Data tables.
    ("Hide the data", "Сховати дані"),
    ("Show the data ({n} rows)", "Показати дані ({rows})"),
    (
        "Show the next {items} ({left} left)",
        "Показати наступні {items} (ще {left})",
    ),
    (
        "Trips and events shown in the timeline",
        "Рейси й події, показані на хронології",
    ),
    ("Vessel", "Судно"),
    ("What", "Що"),
    ("Where", "Де"),
    ("When", "Коли"),
    (
        "Estimates shown in the chart",
        "Оцінки, показані на діаграмі",
    ),
    ("Estimate", "Оцінка"),
    ("What was counted", "Що рахували"),
    ("Stated by", "Хто заявив"),
    ("Stated", "Заявлено"),
    ("Period", "Період"),
    ("Method", "Метод"),
    ("Places on the map", "Місця на мапі"),
    ("Place", "Місце"),
    ("Kind", "Тип"),
    ("Country", "Країна"),
    ("Coordinates", "Координати"),
    ("Trips", "Рейси"),
    ("Events", "Події"),
    ("approx.", "прибл."),
    ("port", "порт"),
    ("naval base", "військово-морська база"),
    ("rail", "залізниця"),
    ("border crossing", "прикордонний перехід"),
    ("city", "місто"),
    ("shipyard", "верф"),
    ("anchorage", "якірна стоянка"),
    ("depot", "склад"),
    ("other", "інше"),
    // Trips and events.
    ("Cargo:", "Вантаж:"),
    ("Port call", "Захід у порт"),
    ("Loading", "Завантаження"),
    ("Unloading", "Розвантаження"),
    ("At anchor", "На якорі"),
    ("At a shipyard", "На верфі"),
    ("Rail", "Залізниця"),
    ("Sighting", "Спостереження"),
    ("Details", "Подробиці"),
    ("Close details", "Закрити подробиці"),
    ("Close", "Закрити"),
    // Errors.
    (
        "The report could not be loaded",
        "Не вдалося завантажити звіт",
    ),
    (
        "The request for {url} failed: {detail}. Check the connection and reload the page.",
        "Запит до {url} не вдався: {detail}. Перевірте з’єднання й перезавантажте сторінку.",
    ),
    (
        "The server answered {status} for {url}.",
        "Сервер відповів {status} на запит {url}.",
    ),
    ("The report is too large", "Звіт завеликий"),
    (
        "{url} is {size} MB; a report may be at most {most} MB. Split it, or leave out what readers do not need.",
        "{url} має {size} МБ, а звіт може мати щонайбільше {most} МБ. Розділіть його або приберіть те, що читачам не потрібно.",
    ),
    (
        "This report cannot be shown here",
        "Цей звіт не можна показати тут",
    ),
    (
        "This page only shows reports published on its own site, and \"{requested}\" is not one of them. Ask the publisher for the address of the report.",
        "Ця сторінка показує лише звіти, опубліковані на її власному сайті, а «{requested}» не з них. Попросіть у видавця адресу звіту.",
    ),
    ("This report has errors", "У цьому звіті є помилки"),
    (
        "{url} does not follow the Sealift report format. Each problem below names its place in the file; `sealift check` prints the same list.",
        "{url} не відповідає формату звітів Sealift. Для кожної проблеми нижче вказано її місце у файлі; `sealift check` виводить той самий список.",
    ),
    ("Try again", "Спробувати ще раз"),
    (
        "line {line}, column {column}",
        "рядок {line}, стовпець {column}",
    ),
    ("whole file", "увесь файл"),
    (
        "Something went wrong while drawing this report",
        "Під час показу звіту щось пішло не так",
    ),
    (
        "The viewer stopped unexpectedly. Reloading the page usually helps; if it does not, please tell the publisher.",
        "Переглядач несподівано зупинився. Зазвичай допомагає перезавантажити сторінку; якщо ні, повідомте, будь ласка, видавця.",
    ),
    ("Reload the page", "Перезавантажити сторінку"),
    ("Technical details", "Технічні подробиці"),
    // Embeds.
    ("Embed", "Вбудувати"),
    ("Embed this view", "Вбудувати цей розділ"),
    (
        "Paste this into your article. The script keeps the frame as tall as the view; it is served from this site and makes no other requests.",
        "Вставте цей код у свою статтю. Скрипт підганяє висоту рамки під розділ; він завантажується з цього сайту й не робить інших запитів.",
    ),
    ("Embed code", "Код для вбудовування"),
    ("Add", "Додайте"),
    ("(no header or footer),", "(без заголовка й підпису),"),
    ("(no interaction),", "(без взаємодії),"),
    ("or", "або"),
    (
        "to the address to change how it looks.",
        "до адреси, щоб змінити вигляд.",
    ),
    ("Copied", "Скопійовано"),
    ("Copy code", "Копіювати код"),
    ("See the full report", "Переглянути весь звіт"),
    // Vessels.
    ("Vessels", "Судна"),
    (
        "{vessels}; {sanctioned} of them under sanctions. Select one to follow it through every view.",
        "{vessels}, з них під санкціями: {sanctioned}. Виберіть судно, щоб простежити його в усіх розділах.",
    ),
    (
        "{vessels}. Select one to follow it through every view.",
        "{vessels}. Виберіть судно, щоб простежити його в усіх розділах.",
    ),
    ("No vessels in this report", "У цьому звіті немає суден"),
    ("Also known as", "Інші назви"),
    ("Flag", "Прапор"),
    ("Type", "Тип"),
    ("Owner", "Власник"),
    ("Sanctions", "Санкції"),
    ("Recorded", "Зафіксовано"),
    (
        "Following this vessel · show all",
        "Ви стежите за цим судном · показати всі",
    ),
    ("Follow this vessel", "Стежити за цим судном"),
    (
        "No trips or events recorded",
        "Рейсів і подій не зафіксовано",
    ),
    ("{trips} and {events}, {span}", "{trips} і {events}, {span}"),
    // Claims.
    ("Claims", "Заяви"),
    ("No claims in this report", "У цьому звіті немає заяв"),
    ("{claims} by {actors}", "{claims} від {actors}"),
    (", stated between {first} and {last}", " ({first} – {last})"),
    (
        "; {disputed} disputed by other sources",
        "; {disputed} з них оскаржують інші джерела",
    ),
    ("Showing all {claims}", "Показано всі заяви ({total})"),
    ("Showing {n} of {claims}", "Показано заяв: {n} з {total}"),
    (
        "No claims match these choices.",
        "Жодна заява не відповідає цьому вибору.",
    ),
    ("About:", "Стосується:"),
    ("Filter the claims", "Фільтр заяв"),
    ("Who", "Хто"),
    ("All actors", "Усі сторони"),
    ("All vessels", "Усі судна"),
    ("All places", "Усі місця"),
    ("Clear filters", "Скинути фільтри"),
    // The timeline.
    ("Trips and events by vessel", "Рейси й події за суднами"),
    (
        "No trips or events in this report",
        "У цьому звіті немає рейсів і подій",
    ),
    (
        "Trips and events by vessel. Arrow keys move between them, Enter keeps the details open, Escape closes them.",
        "Рейси й події за суднами. Стрілки переміщують між ними, Enter залишає подробиці відкритими, Escape закриває їх.",
    ),
    (
        "Nothing had been recorded by the date chosen.",
        "На вибрану дату ще нічого не було зафіксовано.",
    ),
    (
        "{events} was recorded {when}",
        "Зафіксовано {events_acc} {when}",
    ),
    (
        "{events} were recorded {when}",
        "Зафіксовано {events_acc} {when}",
    ),
    ("{who} made {trips} {when}", "{who}: {trips} {when}"),
    (
        "; no port calls were recorded in the {n} days between {first} and {last}",
        "; протягом {days_gen} між {first} і {last} заходів у порти не зафіксовано",
    ),
    ("in {month}", "у {month}"),
    ("between {first} and {last}", "з {first} до {last}"),
    (
        "No port calls recorded for {n} days",
        "Жодного заходу в порт за {days}",
    ),
    ("Published {date} →", "Опубліковано {date} →"),
    ("Rail and port activity", "Залізниця й порти"),
    (
        "{vessel}: {from} to {to}, {when}, {certainty}",
        "{vessel}: з {from} до {to}, {when}, {certainty}",
    ),
    ("at sea", "у морі"),
    ("Trip", "Рейс"),
    ("Over a period", "Протягом періоду"),
    ("Day not known", "День невідомий"),
    ("Start or end not known", "Початок або кінець невідомі"),
    ("What the marks show", "Що означають позначки"),
    ("Dates for the map and the claims", "Дати для мапи й заяв"),
    ("From", "Від"),
    ("To", "До"),
    ("Map and claims show {span}.", "Мапа й заяви: {span}."),
    (
        "Drag across the chart, or pick dates, to narrow the map and the claims.",
        "Протягніть по діаграмі або виберіть дати, щоб звузити мапу й заяви.",
    ),
    ("Clear dates", "Скинути дати"),
    (
        "Highlight {name} in every view; click again to show all vessels",
        "Виділити {name} в усіх розділах; натисніть ще раз, щоб показати всі судна",
    ),
    // Estimates.
    ("Estimates over time", "Оцінки в часі"),
    ("No estimates in this report", "У цьому звіті немає оцінок"),
    (
        "No estimates in this report.",
        "У цьому звіті немає оцінок.",
    ),
    (
        "No estimate of {measure} had been made by {date}.",
        "Станом на {date} оцінок «{measure}» ще не було.",
    ),
    (
        "{actor} put {measure} at {quantity} ({month}).",
        "{actor}: «{measure}» — {quantity} ({month}).",
    ),
    (
        "Estimates of {measure} grew from {first} ({first_month}) to {latest} ({latest_month}).",
        "Оцінки «{measure}» зросли з {first} ({first_month}) до {latest} ({latest_month}).",
    ),
    (
        "Estimates of {measure} fell from {first} ({first_month}) to {latest} ({latest_month}).",
        "Оцінки «{measure}» знизилися з {first} ({first_month}) до {latest} ({latest_month}).",
    ),
    (
        "Estimates of {measure} went from {first} ({first_month}) to {latest} ({latest_month}).",
        "Оцінки «{measure}» не змінилися: {first} ({first_month}) і {latest} ({latest_month}).",
    ),
    (
        "{measure}: {amount}, stated {date} by {actor}",
        "{measure}: {amount}, заявлено {date}, автор: {actor}",
    ),
    ("Range", "Діапазон"),
    ("Derived from", "Виведено з"),
    ("{low} to {high} {unit}", "{low}–{high} {unit}"),
    ("from {low} {unit}", "від {low} {unit}"),
    ("up to {high} {unit}", "до {high} {unit}"),
    ("from {quantity} {unit}", "з {quantity} {unit}"),
    ("How to read the marks", "Як читати позначки"),
    (" or ", " або "),
    ("exact figure", "точна цифра"),
    ("Range, low to high", "Діапазон, від меншого до більшого"),
    (
        "Worked out from another estimate",
        "Виведено з іншої оцінки",
    ),
    ("Who made these estimates", "Хто зробив ці оцінки"),
    ("Show less", "Згорнути"),
    ("Show all", "Показати все"),
    ("{unit}: {n} estimates", "{unit}: {estimates}"),
    ("Log scale", "Логарифмічна шкала"),
    // The map.
    ("Map", "Мапа"),
    ("No places in this report", "У цьому звіті немає місць"),
    ("Map of {places}", "Мапа: {places}"),
    ("Routes", "Маршрути"),
    ("Events at sea", "Події в морі"),
    ("Places", "Місця"),
    (
        "No trips in the chosen dates; the map shows {places}.",
        "У вибрані дати рейсів немає; на мапі {places}.",
    ),
    (
        "The map shows {places}; the report records no trips between them.",
        "На мапі {places}; рейсів між ними у звіті не зафіксовано.",
    ),
    ("{trips} linked {places}", "{trips} між {places_ins}"),
    (
        "{linked}; no route was travelled more than once.",
        "{linked}; жоден маршрут не пройдено більше одного разу.",
    ),
    (
        "{linked}; the busiest route was {route} ({trips}).",
        "{linked}; найжвавіший маршрут — {route} ({trips}).",
    ),
    (
        "{linked}; the busiest routes were {route} and {other} ({trips} each).",
        "{linked}; найжвавіші маршрути — {route} і {other} (по {trips}).",
    ),
    (
        "{linked}; {routes} routes had {trips} each.",
        "{linked}; маршрутів, що мали по {trips}: {routes}.",
    ),
    (
        "No trips or events shown here",
        "Тут не показано рейсів чи подій",
    ),
    (
        "{trips} ({out} out, {in} in)",
        "{trips} (звідси: {out}, сюди: {in})",
    ),
    ("approx. location", "приблизне розташування"),
    ("approximate location", "приблизне розташування"),
    (
        "The point is approximate: it stands in for the place, not its exact spot.",
        "Точка приблизна: вона позначає місце, а не його точне розташування.",
    ),
    ("Basemap: Natural Earth", "Основа мапи: Natural Earth"),
    ("Basemap unavailable", "Основа мапи недоступна"),
    ("Several vessels", "Кілька суден"),
    ("Thicker: more trips", "Товща лінія — більше рейсів"),
    ("and {vessels}", "і ще {vessels}"),
    (
        "Thin grey lines: {routes} with one trip each (choose a vessel to see its own)",
        "Тонкі сірі лінії: {routes} з одним рейсом кожен (оберіть судно, щоб побачити його маршрути)",
    ),
    (
        "Thin grey lines: {routes} with up to {trips} each (choose a vessel to see its own)",
        "Тонкі сірі лінії: {routes}, до {trips} на кожному (оберіть судно, щоб побачити його маршрути)",
    ),
    ("Map key", "Легенда мапи"),
    ("Approximate location", "Приблизне розташування"),
    ("Events at a place", "Події в місці"),
    (
        "Events at a place (where there were at least {n})",
        "Події в місці (де їх було щонайменше {n})",
    ),
    ("Event at sea", "Подія в морі"),
    ("{km} km", "{km} км"),
    ("Scale: the bar is {length}", "Масштаб: смуга — {length}"),
    ("Port", "Порт"),
    ("Naval base", "Військово-морська база"),
    ("Rail station", "Залізнична станція"),
    ("Border crossing", "Прикордонний перехід"),
    ("City", "Місто"),
    ("Shipyard", "Верф"),
    ("Anchorage", "Якірна стоянка"),
    ("Depot", "Склад"),
    ("Other place", "Інше місце"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn plural_forms_follow_the_last_digits() {
        let forms: Vec<usize> = [1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 0]
            .into_iter()
            .map(plural_form)
            .collect();
        assert_eq!(forms, [0, 1, 1, 2, 2, 2, 2, 0, 1, 2, 0, 2, 2, 2]);
        assert_eq!(noun(3, "vessel", "vessels"), Some("судна"));
        assert_eq!(noun(3, "dog", "dogs"), None);
    }

    #[test]
    fn every_entry_has_words() {
        for (en, uk) in UK {
            assert!(!en.is_empty() && !uk.trim().is_empty(), "{en:?} → {uk:?}");
            assert_eq!(
                UK.iter().filter(|(other, _)| other == en).count(),
                1,
                "{en:?} is translated twice"
            );
        }
        for ((one, many), forms) in NOUNS {
            assert!(forms.iter().all(|f| !f.is_empty()), "{one} / {many}");
        }
    }
}
