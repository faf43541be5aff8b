import Accord

/// The languages a record gives beside English.
let secondLanguages = ["id", "ru", "be", "fr"]

/// One piece of text in English and in each second language, so that a record's narratives
/// say the same thing side by side. `{A}`, `{B}`, `{city}` and `{year}` are filled in.
struct Phrase {
    let en: String
    let id: String
    let ru: String
    let be: String
    let fr: String

    init(_ en: String, id: String, ru: String, be: String, fr: String) {
        self.en = en
        self.id = id
        self.ru = ru
        self.be = be
        self.fr = fr
    }

    subscript(language: String) -> String {
        switch language {
        case "id": return id
        case "ru": return ru
        case "be": return be
        case "fr": return fr
        default: return en
        }
    }
}

/// A state that can take part: ISO 3166-1 alpha-3 and alpha-2 codes, name and capital.
struct Country {
    let alpha3: String
    let alpha2: String
    let name: String
    let capital: String
}

let countries: [Country] = [
    Country(alpha3: "IDN", alpha2: "ID", name: "Indonesia", capital: "Jakarta"),
    Country(alpha3: "BLR", alpha2: "BY", name: "Belarus", capital: "Minsk"),
    Country(alpha3: "RUS", alpha2: "RU", name: "Russia", capital: "Moscow"),
    Country(alpha3: "FRA", alpha2: "FR", name: "France", capital: "Paris"),
    Country(alpha3: "DEU", alpha2: "DE", name: "Germany", capital: "Berlin"),
    Country(alpha3: "ITA", alpha2: "IT", name: "Italy", capital: "Rome"),
    Country(alpha3: "ESP", alpha2: "ES", name: "Spain", capital: "Madrid"),
    Country(alpha3: "POL", alpha2: "PL", name: "Poland", capital: "Warsaw"),
    Country(alpha3: "NLD", alpha2: "NL", name: "the Netherlands", capital: "The Hague"),
    Country(alpha3: "NOR", alpha2: "NO", name: "Norway", capital: "Oslo"),
    Country(alpha3: "SWE", alpha2: "SE", name: "Sweden", capital: "Stockholm"),
    Country(alpha3: "FIN", alpha2: "FI", name: "Finland", capital: "Helsinki"),
    Country(alpha3: "DNK", alpha2: "DK", name: "Denmark", capital: "Copenhagen"),
    Country(alpha3: "EST", alpha2: "EE", name: "Estonia", capital: "Tallinn"),
    Country(alpha3: "LVA", alpha2: "LV", name: "Latvia", capital: "Riga"),
    Country(alpha3: "LTU", alpha2: "LT", name: "Lithuania", capital: "Vilnius"),
    Country(alpha3: "CHL", alpha2: "CL", name: "Chile", capital: "Santiago"),
    Country(alpha3: "URY", alpha2: "UY", name: "Uruguay", capital: "Montevideo"),
    Country(alpha3: "BRA", alpha2: "BR", name: "Brazil", capital: "Brasília"),
    Country(alpha3: "ARG", alpha2: "AR", name: "Argentina", capital: "Buenos Aires"),
    Country(alpha3: "MEX", alpha2: "MX", name: "Mexico", capital: "Mexico City"),
    Country(alpha3: "IND", alpha2: "IN", name: "India", capital: "New Delhi"),
    Country(alpha3: "MYS", alpha2: "MY", name: "Malaysia", capital: "Kuala Lumpur"),
    Country(alpha3: "SGP", alpha2: "SG", name: "Singapore", capital: "Singapore"),
    Country(alpha3: "THA", alpha2: "TH", name: "Thailand", capital: "Bangkok"),
    Country(alpha3: "VNM", alpha2: "VN", name: "Viet Nam", capital: "Hanoi"),
    Country(alpha3: "PHL", alpha2: "PH", name: "the Philippines", capital: "Manila"),
    Country(alpha3: "KOR", alpha2: "KR", name: "the Republic of Korea", capital: "Seoul"),
    Country(alpha3: "JPN", alpha2: "JP", name: "Japan", capital: "Tokyo"),
    Country(alpha3: "AUS", alpha2: "AU", name: "Australia", capital: "Canberra"),
    Country(alpha3: "TUR", alpha2: "TR", name: "Türkiye", capital: "Ankara"),
    Country(alpha3: "EGY", alpha2: "EG", name: "Egypt", capital: "Cairo"),
    Country(alpha3: "ZAF", alpha2: "ZA", name: "South Africa", capital: "Pretoria"),
]

let ministry = Phrase(
    "Ministry of Defence of {A}",
    id: "Kementerian Pertahanan {A}",
    ru: "Министерство обороны ({A})",
    be: "Міністэрства абароны ({A})",
    fr: "Ministère de la Défense ({A})")

let titles: [Phrase] = [
    Phrase("Defence cooperation between {A} and {B}",
           id: "Kerja sama pertahanan antara {A} dan {B}",
           ru: "Военное сотрудничество между {A} и {B}",
           be: "Ваеннае супрацоўніцтва паміж {A} і {B}",
           fr: "Coopération de défense entre {A} et {B}"),
    Phrase("Military-technical cooperation of {A} with {B}",
           id: "Kerja sama militer-teknis {A} dengan {B}",
           ru: "Военно-техническое сотрудничество {A} с {B}",
           be: "Ваенна-тэхнічнае супрацоўніцтва {A} з {B}",
           fr: "Coopération militaro-technique de {A} avec {B}"),
    Phrase("Joint training and education programme of {A} and {B}",
           id: "Program latihan dan pendidikan bersama {A} dan {B}",
           ru: "Программа совместной подготовки и обучения {A} и {B}",
           be: "Праграма сумеснай падрыхтоўкі і навучання {A} і {B}",
           fr: "Programme commun de formation et d'entraînement de {A} et {B}"),
    Phrase("Memorandum on defence-industry cooperation between {A} and {B}",
           id: "Memorandum kerja sama industri pertahanan antara {A} dan {B}",
           ru: "Меморандум о сотрудничестве в оборонной промышленности между {A} и {B}",
           be: "Мемарандум аб супрацоўніцтве ў абароннай прамысловасці паміж {A} і {B}",
           fr: "Mémorandum sur la coopération industrielle de défense entre {A} et {B}"),
    Phrase("Agreement of {A} and {B} on maintenance, repair and logistics",
           id: "Persetujuan {A} dan {B} tentang pemeliharaan, perbaikan dan logistik",
           ru: "Соглашение {A} и {B} о техническом обслуживании, ремонте и логистике",
           be: "Пагадненне {A} і {B} аб тэхнічным абслугоўванні, рамонце і лагістыцы",
           fr: "Accord entre {A} et {B} sur la maintenance, la réparation et la logistique"),
    Phrase("Framework for air-defence and radar cooperation of {A} and {B}",
           id: "Kerangka kerja sama pertahanan udara dan radar {A} dan {B}",
           ru: "Рамочная программа сотрудничества {A} и {B} в области ПВО и радиолокации",
           be: "Рамачная праграма супрацоўніцтва {A} і {B} у галіне СПА і радыёлакацыі",
           fr: "Cadre de coopération de {A} et {B} en matière de défense aérienne et de radars"),
]

let descriptionSentences: [Phrase] = [
    Phrase("In {year} the ministries of defence of {A} and {B} agreed to open a regular dialogue on military cooperation, meeting at least once a year at the level of deputy ministers.",
           id: "Pada tahun {year} kementerian pertahanan {A} dan {B} sepakat membuka dialog rutin tentang kerja sama militer, dengan pertemuan sekurang-kurangnya sekali setahun di tingkat wakil menteri.",
           ru: "В {year} году министерства обороны {A} и {B} договорились начать регулярный диалог о военном сотрудничестве и встречаться не реже одного раза в год на уровне заместителей министров.",
           be: "У {year} годзе міністэрствы абароны {A} і {B} дамовіліся пачаць рэгулярны дыялог аб ваенным супрацоўніцтве і сустракацца не радзей за адзін раз на год на ўзроўні намеснікаў міністраў.",
           fr: "En {year}, les ministères de la Défense de {A} et de {B} sont convenus d'ouvrir un dialogue régulier sur la coopération militaire, avec au moins une réunion par an au niveau des vice-ministres."),
    Phrase("The talks in {city} covered defence-industry development, military education and training, and the exchange of technology between the two sides.",
           id: "Pembicaraan di {city} mencakup pengembangan industri pertahanan, pendidikan dan pelatihan militer, serta pertukaran teknologi antara kedua pihak.",
           ru: "Переговоры в городе {city} охватывали развитие оборонной промышленности, военное образование и подготовку, а также обмен технологиями между сторонами.",
           be: "Перамовы ў горадзе {city} ахоплівалі развіццё абароннай прамысловасці, ваенную адукацыю і падрыхтоўку, а таксама абмен тэхналогіямі паміж бакамі.",
           fr: "Les entretiens de {city} ont porté sur le développement de l'industrie de défense, l'enseignement et la formation militaires ainsi que l'échange de technologies entre les deux parties."),
    Phrase("Cooperation is expected to include the exchange of intelligence information, joint exercises, possible equipment acquisition and technology transfer, and joint research and development.",
           id: "Kerja sama ini diharapkan mencakup pertukaran informasi intelijen, latihan bersama, kemungkinan pengadaan alat peralatan dan alih teknologi, serta penelitian dan pengembangan bersama.",
           ru: "Ожидается, что сотрудничество будет включать обмен разведывательной информацией, совместные учения, возможные закупки техники и передачу технологий, а также совместные исследования и разработки.",
           be: "Чакаецца, што супрацоўніцтва будзе ўключаць абмен выведвальнай інфармацыяй, сумесныя вучэнні, магчымыя закупкі тэхнікі і перадачу тэхналогій, а таксама сумесныя даследаванні і распрацоўкі.",
           fr: "La coopération devrait comprendre l'échange de renseignements, des exercices conjoints, d'éventuelles acquisitions d'équipements et transferts de technologie, ainsi que des travaux communs de recherche et développement."),
    Phrase("{B} is known for its air-defence systems, combat vehicles and military electronics; radar systems, tactical vehicles and maintenance and repair were named as possible focus areas.",
           id: "{B} dikenal dengan sistem pertahanan udara, kendaraan tempur dan elektronika militernya; sistem radar, kendaraan taktis serta pemeliharaan dan perbaikan disebut sebagai bidang yang mungkin menjadi fokus.",
           ru: "{B} известна своими системами ПВО, боевыми машинами и военной электроникой; в качестве возможных направлений названы радиолокационные системы, тактические машины, техническое обслуживание и ремонт.",
           be: "{B} вядомая сваімі сістэмамі СПА, баявымі машынамі і ваеннай электронікай; у якасці магчымых кірункаў названы радыёлакацыйныя сістэмы, тактычныя машыны, тэхнічнае абслугоўванне і рамонт.",
           fr: "{B} est connu pour ses systèmes de défense aérienne, ses véhicules de combat et son électronique militaire ; les radars, les véhicules tactiques ainsi que la maintenance et la réparation ont été cités comme domaines possibles."),
    Phrase("Both sides stressed that the partnership is not directed against any third state and respects the foreign-policy principles of each party.",
           id: "Kedua pihak menegaskan bahwa kemitraan ini tidak ditujukan terhadap negara ketiga mana pun dan menghormati prinsip politik luar negeri masing-masing pihak.",
           ru: "Обе стороны подчеркнули, что партнёрство не направлено против третьих государств и уважает внешнеполитические принципы каждой из сторон.",
           be: "Абодва бакі падкрэслілі, што партнёрства не накіравана супраць трэціх дзяржаў і паважае знешнепалітычныя прынцыпы кожнага з бакоў.",
           fr: "Les deux parties ont souligné que le partenariat n'est dirigé contre aucun État tiers et respecte les principes de politique étrangère de chacune d'elles."),
    Phrase("A joint working group of officers from {A} and {B} was set up to prepare an annual plan of activities, including staff talks, visits of delegations and courses at military academies.",
           id: "Kelompok kerja bersama yang terdiri atas perwira {A} dan {B} dibentuk untuk menyusun rencana kegiatan tahunan, termasuk pembicaraan staf, kunjungan delegasi dan kursus di akademi militer.",
           ru: "Создана совместная рабочая группа офицеров {A} и {B} для подготовки ежегодного плана мероприятий, включая штабные переговоры, визиты делегаций и курсы в военных академиях.",
           be: "Створана сумесная працоўная група афіцэраў {A} і {B} для падрыхтоўкі штогадовага плана мерапрыемстваў, уключаючы штабныя перамовы, візіты дэлегацый і курсы ў ваенных акадэміях.",
           fr: "Un groupe de travail conjoint d'officiers de {A} et de {B} a été créé pour préparer un plan annuel d'activités comprenant des entretiens d'état-major, des visites de délégations et des cours dans les académies militaires."),
    Phrase("The parties intend to increase the number of cadets and officers studying at each other's institutions and to hold a joint staff exercise every second year.",
           id: "Para pihak bermaksud menambah jumlah taruna dan perwira yang belajar di lembaga pendidikan masing-masing dan menyelenggarakan latihan staf bersama setiap dua tahun.",
           ru: "Стороны намерены увеличить число курсантов и офицеров, обучающихся в учебных заведениях друг друга, и проводить совместное штабное учение раз в два года.",
           be: "Бакі маюць намер павялічыць колькасць курсантаў і афіцэраў, якія навучаюцца ва ўстановах адзін аднаго, і праводзіць сумеснае штабное вучэнне раз на два гады.",
           fr: "Les parties entendent accroître le nombre d'élèves officiers et d'officiers formés dans les établissements de l'autre partie et organiser un exercice d'état-major conjoint tous les deux ans."),
    Phrase("Industrial cooperation is to favour local production of spare parts and joint maintenance centres, so that the receiving side depends less on a single supplier.",
           id: "Kerja sama industri diarahkan pada produksi lokal suku cadang dan pusat pemeliharaan bersama, sehingga pihak penerima tidak terlalu bergantung pada satu pemasok.",
           ru: "Промышленное сотрудничество должно способствовать локальному производству запасных частей и созданию совместных центров обслуживания, чтобы получающая сторона меньше зависела от одного поставщика.",
           be: "Прамысловае супрацоўніцтва павінна спрыяць лакальнай вытворчасці запасных частак і стварэнню сумесных цэнтраў абслугоўвання, каб бок-атрымальнік менш залежаў ад аднаго пастаўшчыка.",
           fr: "La coopération industrielle doit favoriser la production locale de pièces de rechange et des centres de maintenance communs, afin que la partie bénéficiaire dépende moins d'un seul fournisseur."),
    Phrase("Prices were described as competitive, and financing is to be arranged through state credit lines and offset obligations agreed case by case.",
           id: "Harga disebut kompetitif, dan pembiayaan akan diatur melalui fasilitas kredit negara serta kewajiban imbal dagang yang disepakati kasus per kasus.",
           ru: "Цены были названы конкурентоспособными, а финансирование планируется через государственные кредитные линии и офсетные обязательства, согласуемые в каждом случае отдельно.",
           be: "Цэны былі названы канкурэнтаздольнымі, а фінансаванне плануецца праз дзяржаўныя крэдытныя лініі і афсетныя абавязацельствы, якія ўзгадняюцца ў кожным выпадку асобна.",
           fr: "Les prix ont été jugés compétitifs, et le financement doit passer par des lignes de crédit publiques et des obligations de compensation convenues au cas par cas."),
    Phrase("Cyber defence, logistics and peacekeeping training were mentioned as fields for later stages, once the first projects have shown results.",
           id: "Pertahanan siber, logistik dan pelatihan pasukan perdamaian disebut sebagai bidang untuk tahap berikutnya, setelah proyek pertama menunjukkan hasil.",
           ru: "Киберзащита, логистика и подготовка миротворцев названы направлениями следующих этапов, после того как первые проекты дадут результаты.",
           be: "Кібераабарона, лагістыка і падрыхтоўка міратворцаў названы кірункамі наступных этапаў, пасля таго як першыя праекты дадуць вынікі.",
           fr: "La cyberdéfense, la logistique et la formation au maintien de la paix ont été citées pour des étapes ultérieures, une fois que les premiers projets auront donné des résultats."),
    Phrase("The defence attaché of {A} accredited in {city} is the point of contact for the day-to-day work and reports to the directorate of international cooperation.",
           id: "Atase pertahanan {A} yang terakreditasi di {city} menjadi narahubung untuk pekerjaan sehari-hari dan melapor kepada direktorat kerja sama internasional.",
           ru: "Атташе по вопросам обороны {A}, аккредитованный в городе {city}, является контактным лицом в повседневной работе и подчиняется управлению международного сотрудничества.",
           be: "Аташэ па пытаннях абароны {A}, акрэдытаваны ў горадзе {city}, з'яўляецца кантактнай асобай у штодзённай працы і падпарадкоўваецца ўпраўленню міжнароднага супрацоўніцтва.",
           fr: "L'attaché de défense de {A} accrédité à {city} est le point de contact pour le travail courant et rend compte à la direction de la coopération internationale."),
    Phrase("Delegations from {A} were invited to the national arms exhibition in {city} and to observe a command-post exercise of the armed forces of {B}.",
           id: "Delegasi {A} diundang ke pameran persenjataan nasional di {city} dan untuk meninjau latihan posko angkatan bersenjata {B}.",
           ru: "Делегации {A} были приглашены на национальную выставку вооружений в городе {city} и на командно-штабное учение вооружённых сил {B} в качестве наблюдателей.",
           be: "Дэлегацыі {A} былі запрошаны на нацыянальную выставу ўзбраенняў у горадзе {city} і на камандна-штабное вучэнне ўзброеных сіл {B} у якасці назіральнікаў.",
           fr: "Des délégations de {A} ont été invitées au salon national de l'armement à {city} et à observer un exercice de poste de commandement des forces armées de {B}."),
    Phrase("Progress is reviewed at an annual meeting that alternates between the capitals; its minutes record the projects agreed, postponed or closed.",
           id: "Kemajuan ditinjau dalam pertemuan tahunan yang bergantian diadakan di kedua ibu kota; notulanya mencatat proyek yang disepakati, ditunda atau ditutup.",
           ru: "Ход работы рассматривается на ежегодной встрече, проводимой поочерёдно в столицах; в протоколе фиксируются согласованные, отложенные и закрытые проекты.",
           be: "Ход працы разглядаецца на штогадовай сустрэчы, якая праводзіцца па чарзе ў сталіцах; у пратаколе фіксуюцца ўзгодненыя, адкладзеныя і закрытыя праекты.",
           fr: "L'avancement est examiné lors d'une réunion annuelle qui se tient alternativement dans les deux capitales ; son procès-verbal consigne les projets convenus, reportés ou clos."),
    Phrase("Classified information exchanged under the partnership is protected according to a separate security agreement between the parties.",
           id: "Informasi rahasia yang dipertukarkan dalam kemitraan ini dilindungi sesuai dengan perjanjian keamanan tersendiri antara para pihak.",
           ru: "Секретная информация, которой стороны обмениваются в рамках партнёрства, защищается в соответствии с отдельным соглашением о безопасности.",
           be: "Сакрэтная інфармацыя, якой бакі абменьваюцца ў рамках партнёрства, ахоўваецца ў адпаведнасці з асобным пагадненнем аб бяспецы.",
           fr: "Les informations classifiées échangées dans le cadre du partenariat sont protégées conformément à un accord de sécurité distinct entre les parties."),
]

let positions: [Phrase] = [
    Phrase("Minister of Defence", id: "Menteri Pertahanan", ru: "Министр обороны", be: "Міністр абароны", fr: "Ministre de la Défense"),
    Phrase("Deputy Minister of Defence", id: "Wakil Menteri Pertahanan", ru: "Заместитель министра обороны", be: "Намеснік міністра абароны", fr: "Vice-ministre de la Défense"),
    Phrase("Chief of the General Staff", id: "Kepala Staf Umum", ru: "Начальник Генерального штаба", be: "Начальнік Генеральнага штаба", fr: "Chef d'état-major général"),
    Phrase("Director of International Defence Cooperation", id: "Direktur Kerja Sama Pertahanan Internasional", ru: "Директор департамента международного военного сотрудничества", be: "Дырэктар дэпартамента міжнароднага ваеннага супрацоўніцтва", fr: "Directeur de la coopération internationale de défense"),
    Phrase("Defence attaché", id: "Atase pertahanan", ru: "Атташе по вопросам обороны", be: "Аташэ па пытаннях абароны", fr: "Attaché de défense"),
    Phrase("Head of the Armaments Directorate", id: "Kepala Direktorat Persenjataan", ru: "Начальник управления вооружения", be: "Начальнік упраўлення ўзбраення", fr: "Chef de la direction de l'armement"),
    Phrase("Commander of the Air Force", id: "Kepala Staf Angkatan Udara", ru: "Командующий военно-воздушными силами", be: "Камандуючы ваенна-паветранымі сіламі", fr: "Chef d'état-major de l'armée de l'air"),
    Phrase("Ambassador", id: "Duta Besar", ru: "Посол", be: "Пасол", fr: "Ambassadeur"),
]

let firstNames = ["Andi", "Siti", "Pavel", "Olga", "Marie", "Jean", "Lars", "Ingrid", "Carlos", "Lucía", "Ravi", "Anita", "Kenji", "Yuki", "Mehmet", "Ayşe", "Jonas", "Eva", "Thabo", "Nomvula", "Tomasz", "Agnieszka", "Nguyen", "Somchai", "Kwame", "Ahmed", "Laila", "Mateo", "Hanna", "Mikael"]
let lastNames = ["Wijaya", "Muraveyko", "Ivanova", "Dubois", "Lefèvre", "Hansen", "Lindqvist", "Fernández", "Silva", "Sharma", "Tanaka", "Yılmaz", "Kowalski", "Petrauskas", "Ozols", "Tamm", "Virtanen", "Jensen", "Rossi", "Müller", "Pereira", "Rahman", "Nkosi", "Park", "Tran", "Santos", "Haddad", "Novak", "Bakker", "Sato"]

let eventSentences: [Event.EventType: Phrase] = [
    .announcement: Phrase("The ministries of {A} and {B} announced their intention to cooperate in defence.",
                          id: "Kementerian {A} dan {B} mengumumkan niat untuk bekerja sama di bidang pertahanan.",
                          ru: "Министерства {A} и {B} объявили о намерении сотрудничать в области обороны.",
                          be: "Міністэрствы {A} і {B} абвясцілі аб намеры супрацоўнічаць у галіне абароны.",
                          fr: "Les ministères de {A} et de {B} ont annoncé leur intention de coopérer en matière de défense."),
    .meeting: Phrase("Meeting of the delegations in {city}; the sides reviewed the areas of cooperation and agreed on the next steps.",
                     id: "Pertemuan delegasi di {city}; kedua pihak meninjau bidang kerja sama dan menyepakati langkah berikutnya.",
                     ru: "Встреча делегаций в городе {city}; стороны рассмотрели направления сотрудничества и согласовали дальнейшие шаги.",
                     be: "Сустрэча дэлегацый у горадзе {city}; бакі разгледзелі кірункі супрацоўніцтва і ўзгаднілі далейшыя крокі.",
                     fr: "Réunion des délégations à {city} ; les parties ont examiné les domaines de coopération et convenu des prochaines étapes."),
    .negotiation: Phrase("Expert-level negotiation of the text of the agreement in {city}.",
                         id: "Perundingan tingkat ahli atas naskah persetujuan di {city}.",
                         ru: "Переговоры на уровне экспертов по тексту соглашения в городе {city}.",
                         be: "Перамовы на ўзроўні экспертаў па тэксце пагаднення ў горадзе {city}.",
                         fr: "Négociation au niveau des experts sur le texte de l'accord à {city}."),
    .signature: Phrase("Signature of the agreement by the ministers of defence in {city}.",
                       id: "Penandatanganan persetujuan oleh para menteri pertahanan di {city}.",
                       ru: "Подписание соглашения министрами обороны в городе {city}.",
                       be: "Падпісанне пагаднення міністрамі абароны ў горадзе {city}.",
                       fr: "Signature de l'accord par les ministres de la Défense à {city}."),
    .ratification: Phrase("Ratification of the agreement by the parliament of {A}.",
                          id: "Ratifikasi persetujuan oleh parlemen {A}.",
                          ru: "Ратификация соглашения парламентом {A}.",
                          be: "Ратыфікацыя пагаднення парламентам {A}.",
                          fr: "Ratification de l'accord par le parlement de {A}."),
    .entryIntoForce: Phrase("Entry into force of the agreement after the exchange of notifications.",
                            id: "Persetujuan mulai berlaku setelah pertukaran notifikasi.",
                            ru: "Вступление соглашения в силу после обмена уведомлениями.",
                            be: "Уступленне пагаднення ў сілу пасля абмену паведамленнямі.",
                            fr: "Entrée en vigueur de l'accord après l'échange des notifications."),
    .exercise: Phrase("First joint exercise of units of {A} and {B} near {city}.",
                      id: "Latihan bersama pertama satuan {A} dan {B} di dekat {city}.",
                      ru: "Первое совместное учение подразделений {A} и {B} под городом {city}.",
                      be: "Першае сумеснае вучэнне падраздзяленняў {A} і {B} каля горада {city}.",
                      fr: "Premier exercice conjoint d'unités de {A} et de {B} près de {city}."),
    .delivery: Phrase("Delivery of the first batch of equipment to {A}.",
                      id: "Pengiriman gelombang pertama peralatan kepada {A}.",
                      ru: "Поставка первой партии техники в {A}.",
                      be: "Пастаўка першай партыі тэхнікі ў {A}.",
                      fr: "Livraison du premier lot d'équipements à {A}."),
    .exhibition: Phrase("{A} took part in the arms exhibition in {city} through its defence attaché.",
                        id: "{A} ikut serta dalam pameran persenjataan di {city} melalui atase pertahanannya.",
                        ru: "{A} приняла участие в выставке вооружений в городе {city} через своего атташе по вопросам обороны.",
                        be: "{A} прыняла ўдзел у выставе ўзбраенняў у горадзе {city} праз свайго аташэ па пытаннях абароны.",
                        fr: "{A} a participé au salon de l'armement de {city} par l'intermédiaire de son attaché de défense."),
    .suspension: Phrase("Suspension of the agreement by {A} pending a review of its implementation.",
                        id: "Penangguhan persetujuan oleh {A} sambil menunggu peninjauan pelaksanaannya.",
                        ru: "Приостановление действия соглашения со стороны {A} до пересмотра его выполнения.",
                        be: "Прыпыненне дзеяння пагаднення з боку {A} да перагляду яго выканання.",
                        fr: "Suspension de l'accord par {A} dans l'attente d'un examen de sa mise en œuvre."),
    .termination: Phrase("Termination of the agreement by mutual consent of the parties.",
                         id: "Pengakhiran persetujuan atas kesepakatan bersama para pihak.",
                         ru: "Прекращение действия соглашения по взаимному согласию сторон.",
                         be: "Спыненне дзеяння пагаднення па ўзаемнай згодзе бакоў.",
                         fr: "Dénonciation de l'accord d'un commun accord entre les parties."),
    .expiry: Phrase("Expiry of the agreement at the end of its initial term; it was not renewed.",
                    id: "Persetujuan berakhir pada akhir masa berlakunya dan tidak diperpanjang.",
                    ru: "Истечение срока действия соглашения; оно не было продлено.",
                    be: "Заканчэнне тэрміну дзеяння пагаднення; яно не было падоўжана.",
                    fr: "Expiration de l'accord au terme de sa durée initiale ; il n'a pas été renouvelé."),
]

let areaSentences: [Phrase] = [
    Phrase("Named in the joint statement as a priority for the coming years.",
           id: "Disebut dalam pernyataan bersama sebagai prioritas untuk tahun-tahun mendatang.",
           ru: "Назван в совместном заявлении приоритетом на ближайшие годы.",
           be: "Названы ў сумеснай заяве прыярытэтам на бліжэйшыя гады.",
           fr: "Cité dans la déclaration commune comme une priorité pour les années à venir."),
    Phrase("Discussed at expert level; no concrete project has been agreed yet.",
           id: "Dibahas di tingkat ahli; belum ada proyek konkret yang disepakati.",
           ru: "Обсуждался на уровне экспертов; конкретных проектов пока не согласовано.",
           be: "Абмяркоўваўся на ўзроўні экспертаў; канкрэтных праектаў пакуль не ўзгоднена.",
           fr: "Discuté au niveau des experts ; aucun projet concret n'a encore été convenu."),
    Phrase("Covered by an annual plan with courses, visits and staff talks.",
           id: "Dicakup oleh rencana tahunan berisi kursus, kunjungan dan pembicaraan staf.",
           ru: "Охвачен ежегодным планом с курсами, визитами и штабными переговорами.",
           be: "Ахоплены штогадовым планам з курсамі, візітамі і штабнымі перамовамі.",
           fr: "Couvert par un plan annuel comprenant des cours, des visites et des entretiens d'état-major."),
]

let equipmentSentences: [Phrase] = [
    Phrase("Offered by the supplier during the talks; the recipient is assessing its requirements.",
           id: "Ditawarkan oleh pemasok selama pembicaraan; penerima sedang menilai kebutuhannya.",
           ru: "Предложено поставщиком в ходе переговоров; получатель оценивает свои потребности.",
           be: "Прапанавана пастаўшчыком падчас перамоў; атрымальнік ацэньвае свае патрэбы.",
           fr: "Proposé par le fournisseur pendant les entretiens ; le destinataire évalue ses besoins."),
    Phrase("Ordered under a contract that includes training of crews and a stock of spare parts.",
           id: "Dipesan berdasarkan kontrak yang mencakup pelatihan awak dan persediaan suku cadang.",
           ru: "Заказано по контракту, включающему подготовку экипажей и запас запасных частей.",
           be: "Заказана па кантракце, які ўключае падрыхтоўку экіпажаў і запас запасных частак.",
           fr: "Commandé dans le cadre d'un contrat comprenant la formation des équipages et un stock de pièces de rechange."),
    Phrase("Part of the units are to be assembled locally by the recipient's defence industry.",
           id: "Sebagian unit akan dirakit secara lokal oleh industri pertahanan penerima.",
           ru: "Часть единиц планируется собирать на месте предприятиями оборонной промышленности получателя.",
           be: "Частку адзінак плануецца збіраць на месцы прадпрыемствамі абароннай прамысловасці атрымальніка.",
           fr: "Une partie des unités doit être assemblée sur place par l'industrie de défense du destinataire."),
]

let objectiveSentences: [Phrase] = [
    Phrase("Reduce dependence on a single supplier of major equipment.",
           id: "Mengurangi ketergantungan pada satu pemasok alat utama.",
           ru: "Снизить зависимость от одного поставщика основных образцов техники.",
           be: "Знізіць залежнасць ад аднаго пастаўшчыка асноўных узораў тэхнікі.",
           fr: "Réduire la dépendance à l'égard d'un fournisseur unique d'équipements majeurs."),
    Phrase("Strengthen the national defence industry through joint production.",
           id: "Memperkuat industri pertahanan nasional melalui produksi bersama.",
           ru: "Укрепить национальную оборонную промышленность за счёт совместного производства.",
           be: "Умацаваць нацыянальную абаронную прамысловасць за кошт сумеснай вытворчасці.",
           fr: "Renforcer l'industrie nationale de défense par la production conjointe."),
    Phrase("Build trust between the armed forces through regular contacts.",
           id: "Membangun rasa saling percaya antarangkatan bersenjata melalui kontak rutin.",
           ru: "Укрепить доверие между вооружёнными силами через регулярные контакты.",
           be: "Умацаваць давер паміж узброенымі сіламі праз рэгулярныя кантакты.",
           fr: "Instaurer la confiance entre les forces armées par des contacts réguliers."),
]

let sourceTitles: [Phrase] = [
    Phrase("Report on the meeting of the ministers of defence of {A} and {B} in {city}",
           id: "Laporan tentang pertemuan menteri pertahanan {A} dan {B} di {city}",
           ru: "Сообщение о встрече министров обороны {A} и {B} в городе {city}",
           be: "Паведамленне аб сустрэчы міністраў абароны {A} і {B} у горадзе {city}",
           fr: "Compte rendu de la rencontre des ministres de la Défense de {A} et de {B} à {city}"),
    Phrase("Press release on defence cooperation with {B}",
           id: "Siaran pers tentang kerja sama pertahanan dengan {B}",
           ru: "Пресс-релиз о военном сотрудничестве с {B}",
           be: "Прэс-рэліз аб ваенным супрацоўніцтве з {B}",
           fr: "Communiqué de presse sur la coopération de défense avec {B}"),
    Phrase("Text of the agreement between {A} and {B}",
           id: "Naskah persetujuan antara {A} dan {B}",
           ru: "Текст соглашения между {A} и {B}",
           be: "Тэкст пагаднення паміж {A} і {B}",
           fr: "Texte de l'accord entre {A} et {B}"),
]

let publishers = ["ANTARA", "BelTA", "TASS", "Agence France-Presse", "Reuters", "Ministry of Defence press service", "Jane's Defence Weekly", "Defense News", "Kompas", "Le Monde", "Yonhap", "NHK"]
let designations = ["Buk-MB3K", "Polonez-M", "Vostok-3D", "Anoa 6x6", "Komodo 4x4", "CN-235", "KF-21 Boramae", "Rafale F4", "Scorpène", "Bayraktar TB2", "Caracal H225M", "Pandur II", "Ground Master 400", "Mistral 3", "CAESAR 6x6", "Type 209/1400", "Tor-M2K", "MZKT-6001", "Piranha V", "Leopard 2A4"]
