// Country normalisation: a table of the 249 countries of the ESSGlobal countries vocabulary with
// their alpha-3 codes and names, a hand-written list of aliases, and a lookup on folded names.
//
// Why a C++ table and not a data file under data/: every importer must normalise countries
// wherever it runs (CLI, server, tests) without locating data/ at run time, and embedding a file
// would need a configure_file step in the module's CMakeLists. The table changes rarely and is
// reviewed like code; the test checks it against the ESSGlobal vocabulary.

#include "ecosol/text/countries.h"

#include <unordered_map>
#include <unordered_set>

#include "ecosol/base/strings.h"
#include "ecosol/text/search_text.h"

namespace ecosol::text {
namespace {

struct Country {
  std::string_view alpha2;
  std::string_view alpha3;
  std::string_view names;  // '|' between names
};

// Generated: for each country of ../shared/data/essglobal/countries-iso.tsv, its skos:prefLabel
// in de, en, es, fr, ko, pt and zh, then from Debian's iso-codes 4.15 (iso_3166-1.json and the
// iso_3166-1 gettext catalogues) the alpha-3 code, the ISO name, common name and official name,
// the common name (or the ISO name) in de, fr, es, pt, it and nl, and the common and official
// names in the country's own languages. Names that fold to the same key are listed once; a key
// shared by two countries would be dropped (none is).
constexpr Country kCountries[] = {
    {"AD", "AND", "Andorra|Andorre|안도라|安道尔|Principality of Andorra|Principat d'Andorra"},
    {"AE", "ARE",
     "Vereinigte Arabische Emirate|United Arab Emirates|Emiratos Árabes Unidos|Émirats arabes "
     "unis|아랍에미리트|Emirados Árabes Unidos|阿联酋|Emirati Arabi Uniti|Verenigde Arabische "
     "Emiraten|الإمارات العربيّة المتحدّة"},
    {"AF", "AFG",
     "Afghanistan|Afganistán|아프가니스탄|Afeganistão|阿富汗|Islamic Republic of "
     "Afghanistan|افغانستان|جمهوری اسلامی افغانستان"},
    {"AG", "ATG",
     "Antigua und Barbuda|Antigua and Barbuda|Antigua y Barbuda|Antigua-et-Barbuda|앤티가 "
     "바부다|Antígua e Barbuda|安提瓜和巴布达|Antigua en Barbuda"},
    {"AI", "AIA", "Anguilla|Anguila|앵귈라|安圭拉"},
    {"AL", "ALB",
     "Albanien|Albania|Albanie|알바니아|阿尔巴尼亚|Republic of Albania|Shqipëri|Republika e "
     "Shqipërisë"},
    {"AM", "ARM",
     "Armenien|Armenia|Arménie|아르메니아|亚美尼亚|Republic of Armenia|Հայաստանի "
     "Հանրապետութիւն|Հայաստանի Հանրապետություն"},
    {"AO", "AGO", "Angola|앙골라|安哥拉|Republic of Angola|República de Angola"},
    {"AQ", "ATA", "Antarktis|Antarctica|Antártida|Antarctique|남극|南极洲|Antartide"},
    {"AR", "ARG",
     "Argentinien|Argentina|Argentine|아르헨티나|阿根廷|Argentine Republic|República "
     "Argentina|Argentinië"},
    {"AS", "ASM",
     "Amerikanisch-Samoa|American Samoa|Samoa Estadounidense|Samoa "
     "américaines|아메리칸사모아|Samoa Americana|美属萨摩亚|Samoa americane|Amerikaans-Samoa"},
    {"AT", "AUT",
     "Österreich|Austria|Autriche|오스트리아|奥地利|Republic of Austria|Republik "
     "Österreich|Oostenrijk"},
    {"AU", "AUS", "Australien|Australia|Australie|오스트레일리아|澳大利亚"},
    {"AW", "ABW", "Aruba|아루바|阿鲁巴"},
    {"AX", "ALA",
     "Åland-Inseln|Åland Islands|Islas Äland|Åland, Îles|올란드 제도|Ilhas Alanda|奥兰群岛|Isole "
     "Åland|Ålandseilanden|Åland"},
    {"AZ", "AZE",
     "Aserbaidschan|Azerbaijan|Azerbaiyán|Azerbaïdjan|아제르바이잔|Azerbaijão|阿塞拜疆|Republic of "
     "Azerbaijan|Azerbaigian|Azerbeidzjan|Azərbaycan"},
    {"BA", "BIH",
     "Bosnien und Herzegowina|Bosnia and Herzegovina|Bosnia y "
     "Herzegovina|Bosnie-Herzégovine|보스니아 헤르체고비나|Bósnia e "
     "Herzegovina|波斯尼亚和黑塞哥维那|Republic of Bosnia and Herzegovina|Bosnia-Erzegovina|Bosnië "
     "en Herzegovina|Bosna i Hercegovina|Republika Bosna i Hercegovina|Босна и "
     "Херцеговина|Република Босна и Херцеговина"},
    {"BB", "BRB", "Barbados|Barbade|바베이도스|巴巴多斯"},
    {"BD", "BGD",
     "Bangladesch|Bangladesh|Bangladés|방글라데시|Bangladeche|孟加拉|People's Republic of "
     "Bangladesh|বাংলাদেশ|গণপ্রজাতন্ত্রী বাংলাদেশ"},
    {"BE", "BEL",
     "Belgien|Belgium|Bélgica|Belgique|벨기에|比利时|Kingdom of Belgium|Königreich Belgien|Royaume "
     "de Belgique|Belgio|België|Koninkrijk België"},
    {"BF", "BFA", "Burkina Faso|Burquina Faso|부르키나파소|布基纳法索"},
    {"BG", "BGR",
     "Bulgarien|Bulgaria|Bulgarie|불가리아|保加利亚|Republic of "
     "Bulgaria|Bulgarije|България|Република България"},
    {"BH", "BHR",
     "Bahrain|Baréin|Bahreïn|바레인|Barém|巴林|Kingdom of Bahrain|البحرين|مملكة البحرين"},
    {"BI", "BDI",
     "Burundi|부룬디|布隆迪|Republic of Burundi|République du Burundi|Uburundi|Repubulika "
     "y'Uburundi"},
    {"BJ", "BEN", "Benin|베냉|Benim|贝宁|Republic of Benin|République du Bénin"},
    {"BL", "BLM", "Saint-Barthélemy|San Bartolomé|생바르텔레미|圣巴泰勒米岛"},
    {"BM", "BMU", "Bermuda|Islas Bermudas|Bermudes|버뮤다|Bermudas|百慕大"},
    {"BN", "BRN", "Brunei Darussalam|브루나이 다루살람|Brunei|文莱"},
    {"BO", "BOL",
     "Bolivien|Bolivia|Bolivie|볼리비아|波利维亚|Bolivia, Plurinational State of|Plurinational "
     "State of Bolivia|Estado plurinacional de Bolivia"},
    {"BQ", "BES",
     "Bonaire, Sint Eustatius und Saba|Bonaire, Sint Eustatius and Saba|Islas BES (Caribe "
     "Neerlandés)|Bonaire, Saint-Eustache et Saba|보네르, 신트외스타티위스, 사바 섬|Bonaire, Santo "
     "Eustáquio e Saba|博奈尔、圣尤斯特歇斯岛和萨巴|Paesi Bassi caraibici|Bonaire, Sint Eustatius "
     "en Saba"},
    {"BR", "BRA",
     "Brasilien|Brazil|Brasil|Brésil|브라질|巴西|Federative Republic of Brazil|República "
     "Federativa do Brasil|Brasile|Brazilië"},
    {"BS", "BHS", "Bahamas|바하마|巴哈马|Commonwealth of the Bahamas|Bahama's"},
    {"BT", "BTN",
     "Bhutan|Bután|Bhoutan|부탄|Butão|不丹|Kingdom of Bhutan|འབྲུག།|འབྲུག་ རྒྱལ་བརྒྱུད་ རྒྱལ་ཁབ།"},
    {"BV", "BVT",
     "Bouvet-Insel|Bouvet Island|Isla Bouvet|île Bouvet|부베 섬|Ilha Bouvet|布维群岛|Isola "
     "Bouvet|Bouveteiland"},
    {"BW", "BWA", "Botsuana|Botswana|보츠와나|博兹瓦那|Republic of Botswana"},
    {"BY", "BLR",
     "Weißrussland|Belarus|Bielorrusia|벨라루스|Bielorússia|白俄罗斯|Republic of "
     "Belarus|Wit-Rusland|Беларусь|Рэспубліка Беларусь|Республика Беларусь"},
    {"BZ", "BLZ", "Belize|Belice|벨리즈|伯利兹"},
    {"CA", "CAN", "Kanada|Canada|캐나다|加拿大"},
    {"CC", "CCK",
     "Kokos-(Keeling-)Inseln|Cocos (Keeling) Islands|Islas Cocos (Keeling)|Cocos (Keeling), "
     "Îles|코코스 제도|Ilhas Cocos|科科斯群岛|Isole Cocos (Keeling)|Cocoseilanden "
     "(Keelingeilanden)"},
    {"CD", "COD",
     "Demokratische Republik Kongo|Congo, The Democratic Republic of the|Congo, República "
     "Democrática del|République démocratique du Congo|콩고 민주 공화국|Congo, República "
     "Democrática do|刚果民主共和国|Repubblica democratica del Congo|Congo, Democratische "
     "Republiek"},
    {"CF", "CAF",
     "Zentralafrikanische Republik|Central African Republic|República Centroafricana|République "
     "centrafricaine|중앙아프리카 공화국|República Centro-Africana|中非|Repubblica "
     "Centrafricana|Centraal-Afrikaanse Republiek"},
    {"CG", "COG", "Kongo|Congo|République du Congo|콩고|刚果|Republic of the Congo"},
    {"CH", "CHE",
     "Schweiz|Switzerland|Suiza|Suisse|스위스|Suíça|瑞士|Swiss Confederation|Schweizerische "
     "Eidgenossenschaft|Confédération helvétique|Svizzera|Confederazione svizzera|Zwitserland"},
    {"CI", "CIV",
     "Côte d'Ivoire|Costa de Marfíl|코트디부아르|Costa do Marfim|科特迪瓦|Republic of Côte "
     "d'Ivoire|République de Côte d'Ivoire|Costa d'Avorio|Ivoorkust"},
    {"CK", "COK",
     "Cookinseln|Cook Islands|Islas Cook|îles Cook|쿡 제도|Ilhas Cook|库克群岛|Isole "
     "Cook|Cookeilanden"},
    {"CL", "CHL", "Chile|Chili|칠레|智利|Republic of Chile|República de Chile|Cile"},
    {"CM", "CMR",
     "Kamerun|Cameroon|Camerún|Cameroun|카메룬|Camarões|喀麦隆|Republic of Cameroon|République du "
     "Cameroun|Kameroen"},
    {"CN", "CHN", "China|Chine|중국|中国|People's Republic of China|Cina|中华人民共和国"},
    {"CO", "COL",
     "Kolumbien|Colombia|Colombie|콜롬비아|哥伦比亚|Republic of Colombia|República de Colombia"},
    {"CR", "CRI",
     "Costa Rica|코스타리카|哥斯达黎加|Republic of Costa Rica|República de Costa Rica"},
    {"CU", "CUB", "Kuba|Cuba|쿠바|古巴|Republic of Cuba|República de Cuba"},
    {"CV", "CPV",
     "Cabo Verde|Cap-Vert|카보베르데|佛得角|Republic of Cabo Verde|Kap Verde|República de Cabo "
     "Verde|Capo Verde|Kaapverdië"},
    {"CW", "CUW", "Curaçao|Curazao|퀴라소|库拉索"},
    {"CX", "CXR",
     "Weihnachtsinseln|Christmas Island|Isla de Navidad|Christmas, Île|크리스마스 섬|Ilha "
     "Natal|圣诞岛|Isola di Natale|Christmaseiland"},
    {"CY", "CYP",
     "Zypern|Cyprus|Chipre|Chypre|키프로스|塞浦路斯|Republic of Cyprus|Cipro|Κύπρος|Κυπριακή "
     "Δημοκρατία|Kıbrıs|Kıbrıs Cumhuriyeti"},
    {"CZ", "CZE",
     "Tschechien|Czechia|Chequia|Tchéquie|체코|捷克|Czech Republic|Cechia|Tsjechië|Česko|Česká "
     "republika"},
    {"DE", "DEU",
     "Deutschland|Germany|Alemania|Allemagne|독일|Alemanha|德国|Federal Republic of "
     "Germany|Bundesrepublik Deutschland|Germania|Duitsland"},
    {"DJ", "DJI",
     "Dschibuti|Djibouti|Yibuti|지부티|吉布提|Republic of Djibouti|République de "
     "Djibouti|Gibuti|جيبوتي|جمهوريّة جيبوتي"},
    {"DK", "DNK",
     "Dänemark|Denmark|Dinamarca|덴마크|丹麦|Kingdom of "
     "Denmark|Danimarca|Denemarken|Danmark|Kongeriget Danmark"},
    {"DM", "DMA", "Dominica|Dominique|도미니카 연방|多米尼克|Commonwealth of Dominica"},
    {"DO", "DOM",
     "Dominikanische Republik|Dominican Republic|República Dominicana|République "
     "dominicaine|도미니카 공화국|多米尼加共和国|Repubblica Dominicana|Dominicaanse Republiek"},
    {"DZ", "DZA",
     "Algerien|Algeria|Algérie|알제리|Argélia|阿尔及利亚|People's Democratic Republic of "
     "Algeria|Algerije|الجزائر|الجمهورية الجزائرية الديمقراطية الشعبية"},
    {"EC", "ECU",
     "Ecuador|Équateur|에콰도르|Equador|厄瓜多尔|Republic of Ecuador|República del Ecuador"},
    {"EE", "EST",
     "Estland|Estonia|Estonie|에스토니아|爱沙尼亚|Republic of Estonia|Eesti|Eesti Vabariik"},
    {"EG", "EGY",
     "Ägypten|Egypt|Egipto|Égypte|이집트|Egito|埃及|Arab Republic of Egypt|Egitto|مصر|جمهوريّة مصر "
     "العربيّة"},
    {"EH", "ESH",
     "Westsahara|Western Sahara|Sahara Occidental|서사하라|Saara Ocidental|西撒哈拉|Sahara "
     "occidentale|Westelijke Sahara|الصّحراء الغربيّة"},
    {"ER", "ERI",
     "Eritrea|Érythrée|에리트레아|Eritreia|厄立特里亚|the State of Eritrea|ኤርትራ|ሃገር "
     "ኤርትራ|إريتريا|دولة إريتريا"},
    {"ES", "ESP",
     "Spanien|Spain|España|Espagne|스페인|Espanha|西班牙|Kingdom of Spain|Reino de "
     "España|Spagna|Spanje|Espanya|Regne d'Espanya|Espainia|Espaniako Erresuma"},
    {"ET", "ETH",
     "Äthiopien|Ethiopia|Etiopía|Éthiopie|에티오피아|埃塞俄比亚|Federal Democratic Republic of "
     "Ethiopia|ጒት፥ጵ።"},
    {"FI", "FIN",
     "Finnland|Finland|Finlandia|Finlande|핀란드|芬兰|Republic of Finland|Suomi|Suomen "
     "tasavalta|Republiken Finland"},
    {"FJ", "FJI", "Fidschi|Fiji|Fiyi|Fidji|피지|斐济|Republic of Fiji|Figi"},
    {"FK", "FLK",
     "Falklandinseln (Malwinen)|Falkland Islands (Malvinas)|Islas Falkland (Malvinas)|Malouines, "
     "Îles (Falkland)|포클랜드 제도 (말비나스)|Ilhas Falkland "
     "(Malvinas)|福克兰群岛(马尔维纳斯)|Isole Falkland (Malvine)|Falklandeilanden (Malvinas)"},
    {"FM", "FSM",
     "Mikronesien, Föderierte Staaten von|Micronesia, Federated States of|Micronesia, Estados "
     "Federados de|Micronésie, États fédérés de|미크로네시아 연방|Micronésia, Estados Federados "
     "da|密克罗尼西亚|Federated States of Micronesia|Micronesia"},
    {"FO", "FRO",
     "Färöer-Inseln|Faroe Islands|Islas Feroe|îles Féroé|페로 제도|Ilhas Faroé|法罗群岛|Isole Fær "
     "Øer|Faeröer|Føroyar|Færøerne"},
    {"FR", "FRA",
     "Frankreich|France|Francia|프랑스|França|法国|French Republic|République française|Frankrijk"},
    {"GA", "GAB", "Gabun|Gabon|가봉|Gabão|加蓬|Gabonese Republic|République gabonaise"},
    {"GB", "GBR",
     "Vereinigtes Königreich|United Kingdom|Reino Unido|Royaume-Uni|영국|英国|United Kingdom of "
     "Great Britain and Northern Ireland|Regno Unito|Verenigd Koninkrijk|Y Deyrnas Unedig|Teyrnas "
     "Unedig Prydain Fawr a Gogledd Iwerddon"},
    {"GD", "GRD", "Grenada|Granada|Grenade|그레나다|格林纳达"},
    {"GE", "GEO", "Georgien|Georgia|Géorgie|조지아|格鲁吉亚|საქართველო"},
    {"GF", "GUF",
     "Französisch-Guyana|French Guiana|Guayana Francesa|Guyane française|프랑스령 기아나|Guiana "
     "Francesa|法属圭亚那|Guyana francese|Frans-Guyana"},
    {"GG", "GGY", "Guernsey|Guernesey|건지 섬|根西岛"},
    {"GH", "GHA", "Ghana|가나|Gana|加纳|Republic of Ghana"},
    {"GI", "GIB", "Gibraltar|지브롤터|直布罗陀|Gibilterra"},
    {"GL", "GRL", "Grönland|Greenland|Groenlandia|Groënland|그린란드|Gronelândia|格陵兰|Grønland"},
    {"GM", "GMB", "Gambia|Gambie|감비아|冈比亚|Republic of the Gambia"},
    {"GN", "GIN", "Guinea|Guinée|기니|Guiné|几内亚|Republic of Guinea|République de Guinée"},
    {"GP", "GLP", "Guadeloupe|Guadalupe|과들루프|瓜德罗普|Guadalupa"},
    {"GQ", "GNQ",
     "Äquatorialguinea|Equatorial Guinea|Guinea Ecuatorial|Guinée Équatoriale|적도 기니|Guiné "
     "Equatorial|赤道几内亚|Republic of Equatorial Guinea|République de Guinée "
     "Équatoriale|República de Guinea Ecuatorial|Guinea equatoriale|Equatoriaal-Guinea"},
    {"GR", "GRC",
     "Griechenland|Greece|Grecia|Grèce|그리스|希腊|Hellenic Republic|Griekenland|Ελλάδα|Ελληνική "
     "Δημοκρατία"},
    {"GS", "SGS",
     "South Georgia und die Südlichen Sandwichinseln|South Georgia and the South Sandwich "
     "Islands|Islas Georgias del Sur y Sándwich del Sur|Géorgie du Sud et les îles Sandwich du "
     "Sud|사우스조지아 사우스샌드위치 제도|Ilhas Geórgia do Sul e Sandwich do "
     "Sul|南乔治亚岛和南桑德韦奇岛|Georgia del Sud e Isole Sandwich Australi|Zuid-Georgia en de "
     "Zuidelijke Sandwicheilanden"},
    {"GT", "GTM", "Guatemala|과테말라|瓜地马拉|Republic of Guatemala|República de Guatemala"},
    {"GU", "GUM", "Guam|괌|关岛"},
    {"GW", "GNB",
     "Guinea-Bissau|Guinea-Bisáu|Guinée-Bissau|기니비사우|Guiné-Bissáu|几内亚比绍|Republic of "
     "Guinea-Bissau|República da Guiné-Bissáu"},
    {"GY", "GUY", "Guyana|가이아나|Guiana|圭亚那|Republic of Guyana"},
    {"HK", "HKG",
     "Hongkong|Hong Kong|홍콩|香港|Hong Kong Special Administrative Region of "
     "China|香港特別行政區"},
    {"HM", "HMD",
     "Heard und McDonaldinseln|Heard Island and McDonald Islands|Islas Heard y McDonald|îles "
     "Heard-et-MacDonald|허드 맥도널드 제도|Ilha Heard e Ilhas McDonald|赫德岛与麦克唐纳群岛|Isole "
     "Heard e McDonald|Heardeiland en McDonaldeilanden"},
    {"HN", "HND", "Honduras|온두라스|洪都拉斯|Republic of Honduras|República de Honduras"},
    {"HR", "HRV",
     "Kroatien|Croatia|Croacia|Croatie|크로아티아|克罗地亚|Republic of "
     "Croatia|Croazia|Kroatië|Hrvatska|Republika Hrvatska"},
    {"HT", "HTI", "Haiti|아이티|海地|Republic of Haiti|République de Haïti|Ayiti"},
    {"HU", "HUN", "Ungarn|Hungary|Hungría|Hongrie|헝가리|匈牙利|Ungheria|Hongarije|Magyarország"},
    {"ID", "IDN",
     "Indonesien|Indonesia|Indonésie|인도네시아|印度尼西亚|Republic of Indonesia|Negara Kesatuan "
     "Republik Indonesia"},
    {"IE", "IRL", "Irland|Ireland|Irlanda|Irlande|아일랜드|爱尔兰|Ierland|Éire"},
    {"IL", "ISR",
     "Israel|이스라엘|以色列|State of Israel|Israele|ישראל|מדינת ישראל|إسرائيل|دولة إسرائيل"},
    {"IM", "IMN",
     "Insel Man|Isle of Man|Isla de Man|Île de Man|맨 섬|Ilha de Man|曼岛|Isola di Man|Eiland Man"},
    {"IN", "IND", "Indien|India|Inde|인도|印度|Republic of India|भारत|भारतीय गणराज्य"},
    {"IO", "IOT",
     "Britisches Territorium im Indischen Ozean|British Indian Ocean Territory|Territorio "
     "Británico del Océano Índico|Territoire britannique de l'océan Indien|영국령 인도양 "
     "지역|Território Britânico do Oceano Índico|英属印度洋领地|Territorio britannico dell'Oceano "
     "Indiano|Brits Indische Oceaanterritorium"},
    {"IQ", "IRQ", "Irak|Iraq|이라크|Iraque|伊拉克|Republic of Iraq|العراق|جمهوريّة العراق|عێراق"},
    {"IR", "IRN",
     "Iran, Islamische Republik|Iran, Islamic Republic of|Irán, República islámica de|Iran, "
     "République islamique d'|이란 이슬람 공화국|Irão, República Islâmica do|伊朗|Iran|Islamic "
     "Republic of Iran|جمهوری اسلامی ایران"},
    {"IS", "ISL",
     "Island|Iceland|Islandia|Islande|아이슬란드|冰岛|Republic of "
     "Iceland|Islanda|IJsland|Lýðveldið Ísland"},
    {"IT", "ITA",
     "Italien|Italy|Italia|Italie|이탈리아|意大利|Italian Republic|Repubblica Italiana"},
    {"JE", "JEY", "Jersey|저지 섬|泽西岛"},
    {"JM", "JAM", "Jamaika|Jamaica|Jamaïque|자메이카|牙买加|Giamaica"},
    {"JO", "JOR",
     "Jordanien|Jordan|Jordania|Jordanie|요르단|约旦|Hashemite Kingdom of "
     "Jordan|Giordania|الأردن|المملكة الأردنيّة الهاشميّة"},
    {"JP", "JPN", "Japan|Japón|일본|Japão|日本|Giappone"},
    {"KE", "KEN", "Kenia|Kenya|케냐|Quénia|肯尼亚|Republic of Kenya"},
    {"KG", "KGZ",
     "Kirgisistan|Kyrgyzstan|Kirguistán|Kirghizistan|키르기스스탄|Quirguistão|吉尔吉斯坦|Kyrgyz "
     "Republic|Kirgizië|Кыргызстан|Кыргызстан Республикасы|Киргизия|Республика Кыргызстан"},
    {"KH", "KHM",
     "Kambodscha|Cambodia|Camboya|Cambodge|캄보디아|Camboja|柬埔塞|Kingdom of "
     "Cambodia|Cambogia|Cambodja|កម្ពុជា|"
     "ព្រះរាជាណាចក្រ​កម្ពុជា"},
    {"KI", "KIR", "Kiribati|키리바시|基里巴斯|Republic of Kiribati"},
    {"KM", "COM",
     "Komoren|Comoros|Comores, Islas|Comores|코모로|科摩罗|Union of the Comoros|Union des "
     "Comores|Comore|Comoren|جزر القمر|إتّحاد جزر القمر"},
    {"KN", "KNA",
     "St. Kitts und Nevis|Saint Kitts and Nevis|San Cristóbal y "
     "Nieves|Saint-Christophe-et-Niévès|세인트키츠 네비스|São Cristóvão e "
     "Nevis|圣基茨和尼维斯|Saint Kitts e Nevis|Saint Kitts en Nevis"},
    {"KP", "PRK",
     "Korea, Demokratische Volksrepublik|Korea, Democratic People's Republic of|Corea, República "
     "Democrática Popular de|Corée, République populaire démocratique "
     "de|조선민주주의인민공화국|Coreia, República Popular Democrática da|朝鲜|North "
     "Korea|Democratic People's Republic of Korea|Nordkorea|Corée du Nord|Coreia do Norte|Corea "
     "del Nord|Noord-Korea"},
    {"KR", "KOR",
     "Korea, Republik|Korea, Republic of|Corea, República de|Corée, République de|대한민국|Coreia, "
     "República da|韩国|South Korea|Südkorea|Corée du Sud|Coreia do Sul|Corea del Sud|Zuid-Korea"},
    {"KW", "KWT", "Kuwait|Koweït|쿠웨이트|科威特|State of Kuwait|Koeweit|الكويت|دولة الكويت"},
    {"KY", "CYM",
     "Cayman-Inseln|Cayman Islands|Islas Caimán|îles Caïmans|케이맨 제도|Ilhas "
     "Caimão|开曼群岛|Isole Cayman|Kaaimaneilanden"},
    {"KZ", "KAZ",
     "Kasachstan|Kazakhstan|Kazajistán|카자흐스탄|Cazaquistão|哈萨克斯坦|Republic of "
     "Kazakhstan|Kazakistan|Kazachstan|Қазақстан|Қазақстан Республикасы|Казахстан|Республика "
     "Казахстан"},
    {"LA", "LAO",
     "Laos, Demokratische Volksrepublik|Lao People's Democratic Republic|República Democrática "
     "Popular de Lao|Lao, République démocratique populaire|라오 인민 민주주의 공화국|República "
     "Democrática Popular do Laos|老挝人民民主共和国|Laos"},
    {"LB", "LBN",
     "Libanon|Lebanon|Líbano|Liban|레바논|黎巴嫩|Lebanese Republic|لبنان|الجمهوريّة اللّبنانيّة"},
    {"LC", "LCA", "St. Lucia|Saint Lucia|Santa Lucía|Sainte-Lucie|세인트루시아|圣路西亚"},
    {"LI", "LIE",
     "Liechtenstein|리히텐슈타인|列支敦士登|Principality of Liechtenstein|Fürstentum "
     "Liechtenstein"},
    {"LK", "LKA",
     "Sri Lanka|스리랑카|斯里兰卡|Democratic Socialist Republic of Sri "
     "Lanka|ශ්‍රී "
     "ලංකාව|ශ්‍රීලංකා "
     "ප්‍රජාතාන්ත්‍රික සමාජවාදී "
     "ජනරජය|இலங்கை|சிறிலங்க "
     "ஜனநாயக "
     "சோசலிஸ "
     "குடியரசு"},
    {"LR", "LBR", "Liberia|라이베리아|利比里亚|Republic of Liberia"},
    {"LS", "LSO", "Lesotho|Lesoto|레소토|莱索托|Kingdom of Lesotho"},
    {"LT", "LTU",
     "Litauen|Lithuania|Lituania|Lituanie|리투아니아|立陶宛|Republic of "
     "Lithuania|Litouwen|Lietuva|Lietuvos Respublika"},
    {"LU", "LUX",
     "Luxemburg|Luxembourg|Luxemburgo|룩셈부르크|卢森堡|Grand Duchy of Luxembourg|Großherzogtum "
     "Luxemburg|Grand-duché du Luxembourg|Lussemburgo"},
    {"LV", "LVA",
     "Lettland|Latvia|Letonia|Lettonie|라트비아|拉脱维亚|Republic of "
     "Latvia|Lettonia|Letland|Latvija|Latvijas Republika"},
    {"LY", "LBY", "Libyen|Libya|Libia|Libye|리비아|利比亚|Libië|ليبيا"},
    {"MA", "MAR",
     "Marokko|Morocco|Marruecos|Maroc|모로코|Marrocos|摩洛哥|Kingdom of "
     "Morocco|Marocco|المغرب|المملكة المغربيّة"},
    {"MC", "MCO", "Monaco|모나코|摩纳哥|Principality of Monaco|Principauté de Monaco"},
    {"MD", "MDA",
     "Moldau|Moldova|Moldavia|Moldavie|몰도바|摩尔多瓦|Moldova, Republic of|Republic of "
     "Moldova|Republica Moldova"},
    {"ME", "MNE", "Montenegro|몬테네그로|黑山|Црна Гора|Crna Gora"},
    {"MF", "MAF",
     "Saint Martin (Französischer Teil)|Saint Martin (French part)|San Martín (zona "
     "francesa)|Saint-Martin (partie française)|생마르탱 (프랑스령)|São Martin (Território "
     "Francês)|法属圣马丁|Saint-Martin (Francia)|Sint-Maarten (Frans deel)"},
    {"MG", "MDG",
     "Madagaskar|Madagascar|마다가스카르|马达加斯加|Republic of Madagascar|République de "
     "Madagascar"},
    {"MH", "MHL",
     "Marshallinseln|Marshall Islands|Islas Marshall|Îles Marshall|마셜 제도|Ilhas "
     "Marshall|马绍尔群岛|Republic of the Marshall Islands|Isole Marshall|Marshalleilanden"},
    {"MK", "MKD",
     "Nordmazedonien|North Macedonia|Macedonia del Norte|Macédoine du Nord|북마케도니아|Macedónia "
     "do Norte|北马其顿|Republic of North Macedonia|Macedonia del Nord|Noord-Macedonië"},
    {"ML", "MLI", "Mali|말리|马里|Republic of Mali|République du Mali"},
    {"MM", "MMR", "Myanmar|Birmania|Birmanie|미얀마|缅甸|Republic of Myanmar|မြန်မာနိုင်ငံ"},
    {"MN", "MNG", "Mongolei|Mongolia|Mongolie|몽골|蒙古|Монгол"},
    {"MO", "MAC",
     "Macao|Macau|마카오|澳门|Macao Special Administrative Region of China|Macau, Região Especial "
     "de Administração Chinesa|澳門|澳門特別行政區"},
    {"MP", "MNP",
     "Nördliche Marianen|Northern Mariana Islands|Islas Marianas del Norte|Îles Mariannes du "
     "Nord|북마리아나 제도|Ilhas Marianas do Norte|北马里亚纳群岛|Commonwealth of the Northern "
     "Mariana Islands|Isole Marianne Settentrionali|Noordelijke Marianen"},
    {"MQ", "MTQ", "Martinique|Martinica|마르티니크|马提尼克"},
    {"MR", "MRT",
     "Mauretanien|Mauritania|Mauritanie|모리타니|毛里塔尼亚|Islamic Republic of "
     "Mauritania|موريتانيا|جمهوريّة موريتانيا الإسلاميّة"},
    {"MS", "MSR", "Montserrat|몬트세랫|Monserrate|蒙塞拉特岛"},
    {"MT", "MLT", "Malta|Malte|몰타|马尔他|Republic of Malta"},
    {"MU", "MUS",
     "Mauritius|Mauricio|Maurice|모리셔스|Maurícia|毛里求斯|Republic of Mauritius|République de "
     "l'Île Maurice|Maurizio"},
    {"MV", "MDV",
     "Malediven|Maldives|Islas Maldivas|몰디브|Maldivas|马尔代夫|Republic of "
     "Maldives|Maldive|Maldiven|ދިވެހިރާއްޖެ"},
    {"MW", "MWI", "Malawi|Malaui|말라위|马拉维|Republic of Malawi"},
    {"MX", "MEX",
     "Mexiko|Mexico|Mexique|멕시코|墨西哥|United Mexican States|Estados Unidos Mexicanos|Messico"},
    {"MY", "MYS", "Malaysia|Malasia|Malaisie|말레이시아|马来西亚|Maleisië"},
    {"MZ", "MOZ",
     "Mosambik|Mozambique|모잠비크|Moçambique|莫桑比克|Republic of Mozambique|República de "
     "Moçambique|Mozambico"},
    {"NA", "NAM", "Namibia|Namibie|나미비아|纳米比亚|Republic of Namibia"},
    {"NC", "NCL",
     "Neukaledonien|New Caledonia|Nueva Caledonia|Nouvelle-Calédonie|누벨칼레도니|Nova "
     "Caledónia|新喀里多尼亚|Nuova Caledonia|Nieuw-Caledonië"},
    {"NE", "NER", "Niger|니제르|尼日尔|Republic of the Niger|République du Niger|Nijar"},
    {"NF", "NFK",
     "Norfolkinsel|Norfolk Island|Isla Norfolk|île Norfolk|노퍽 섬|Ilha Norfolk|诺福克岛|Isola "
     "Norfolk|Norfolk"},
    {"NG", "NGA", "Nigeria|나이지리아|尼日利亚|Federal Republic of Nigeria"},
    {"NI", "NIC", "Nicaragua|니카라과|尼加拉瓜|Republic of Nicaragua|República de Nicaragua"},
    {"NL", "NLD",
     "Niederlande|Netherlands|Países Bajos|Pays-Bas|네덜란드|Países Baixos|荷兰|Kingdom of the "
     "Netherlands|Paesi Bassi|Nederland|Koninkrijk der Nederlanden|Nederlân"},
    {"NO", "NOR",
     "Norwegen|Norway|Noruega|Norvège|노르웨이|挪威|Kingdom of "
     "Norway|Norvegia|Noorwegen|Norge|Kongeriket Norge|Noreg|Kongeriket Noreg"},
    {"NP", "NPL",
     "Nepal|네팔|尼泊尔|Federal Democratic Republic of Nepal|नेपाल|संघीय प्रजातन्त्रिक गणराज्य, ईथोपिया"},
    {"NR", "NRU", "Nauru|나우루|瑙鲁|Republic of Nauru"},
    {"NU", "NIU", "Niue|Nioue|니우에|纽埃"},
    {"NZ", "NZL",
     "Neuseeland|New Zealand|Nueva Zelanda|Nouvelle-Zélande|뉴질랜드|Nova Zelândia|新西兰|Nuova "
     "Zelanda|Nieuw-Zeeland"},
    {"OM", "OMN", "Oman|오만|Omã|阿曼|Sultanate of Oman|عمان|سلطنة عمان"},
    {"PA", "PAN", "Panama|파나마|巴拿马|Republic of Panama|República de Panamá"},
    {"PE", "PER", "Peru|Pérou|페루|秘鲁|Republic of Peru|República del Perú"},
    {"PF", "PYF",
     "Französisch-Polynesien|French Polynesia|Polinesia Francesa|Polynésie française|프랑스령 "
     "폴리네시아|法属玻利尼西亚|Polinesia francese|Frans-Polynesië"},
    {"PG", "PNG",
     "Papua-Neuguinea|Papua New Guinea|Papúa Nueva "
     "Guinea|Papouasie-Nouvelle-Guinée|파푸아뉴기니|Papua Nova Guiné|巴布亚新几内亚|Independent "
     "State of Papua New Guinea|Papua Nuova Guinea|Papoea-Nieuw-Guinea"},
    {"PH", "PHL",
     "Philippinen|Philippines|Filipinas|필리핀|菲律宾|Republic of the "
     "Philippines|Filippine|Filipijnen"},
    {"PK", "PAK", "Pakistan|파키스탄|Paquistão|巴基斯坦|Islamic Republic of Pakistan|پاکستان"},
    {"PL", "POL",
     "Polen|Poland|Polonia|Pologne|폴란드|波兰|Republic of Poland|Polska|Rzeczpospolita Polska"},
    {"PM", "SPM",
     "St. Pierre und Miquelon|Saint Pierre and Miquelon|San Pedro y "
     "Miquelon|Saint-Pierre-et-Miquelon|생피에르 미클롱|Saint Pierre e "
     "Miquelon|圣皮埃尔和密克隆|Saint-Pierre en Miquelon"},
    {"PN", "PCN", "Pitcairn|Îles Pitcairn|핏케언 제도|皮特克恩|Pitcairneilanden"},
    {"PR", "PRI", "Puerto Rico|Porto Rico|푸에르토리코|波多黎各|Portorico"},
    {"PS", "PSE",
     "Palästina, Staat|Palestine, State of|Palestina, Estado de|Palestine, État "
     "de|팔레스타인|Palestina, Estado da|巴勒斯坦|the State of Palestine|Palestina, Stato "
     "di|Palestina, Staat|دولة فلسطين"},
    {"PT", "PRT", "Portugal|포르투갈|葡萄牙|Portuguese Republic|República Portuguesa|Portogallo"},
    {"PW", "PLW", "Palau|Palaos|팔라우|帕劳|Republic of Palau"},
    {"PY", "PRY", "Paraguay|파라과이|Paraguai|巴拉圭|Republic of Paraguay|República del Paraguay"},
    {"QA", "QAT", "Katar|Qatar|Catar|카타르|卡塔尔|State of Qatar|قطر|دولة قطر"},
    {"RE", "REU", "Réunion|Réunion, Île de la|레위니옹|Ilha Reunião|留尼汪|Riunione"},
    {"RO", "ROU", "Rumänien|Romania|Rumanía|Roumanie|루마니아|Roménia|罗马尼亚|Roemenië"},
    {"RS", "SRB",
     "Serbien|Serbia|Serbie|세르비아|Sérvia|塞尔维亚|Republic of Serbia|Servië|Србија|Република "
     "Србија|Srbija|Republika Srbija"},
    {"RU", "RUS",
     "Russische Föderation|Russian Federation|Federación Rusa|Russie, Fédération de|러시아 "
     "연방|Federação Russa|俄罗斯|Russia|Rusland|Российская Федерация"},
    {"RW", "RWA",
     "Ruanda|Rwanda|르완다|卢旺达|Rwandese Republic|République rwandaise|Repubulika y'Urwanda"},
    {"SA", "SAU",
     "Saudi-Arabien|Saudi Arabia|Arabia Saudí|Arabie saoudite|사우디아라비아|Arábia "
     "Saudita|沙特阿拉伯|Kingdom of Saudi Arabia|Saoedi-Arabië|السّعوديّة|المملكة العربيّة السّعوديّة"},
    {"SB", "SLB",
     "Salomoninseln|Solomon Islands|Islas Salomón|Salomon, Îles|솔로몬 제도|Ilhas "
     "Salomão|所罗门群岛|Isole Salomone|Salomonseilanden"},
    {"SC", "SYC",
     "Seychellen|Seychelles|세이셸|塞舌尔|Republic of Seychelles|République des Seychelles"},
    {"SD", "SDN",
     "Sudan|Soudan|수단|Sudão|苏丹|Republic of the Sudan|Soedan|السّودان|جمهوريّة السّودان"},
    {"SE", "SWE",
     "Schweden|Sweden|Suecia|Suède|스웨덴|瑞典|Kingdom of "
     "Sweden|Svezia|Zweden|Sverige|Konungariket Sverige"},
    {"SG", "SGP", "Singapur|Singapore|Singapour|싱가포르|Singapura|新加坡|Republic of Singapore"},
    {"SH", "SHN",
     "St. Helena, Ascension und Tristan da Cunha|Saint Helena, Ascension and Tristan da "
     "Cunha|Santa Elena, Ascensión y Tristán de Acuña|Sainte-Hélène, Ascension et Tristan da "
     "Cunha|세인트헬레나 어센션 트리스탄다쿠냐|Santa Helena, Ascensão e Tristão da "
     "Cunha|圣赫勒拿-阿森松-特里斯坦达库尼亚|Sant'Elena, Ascensione e Tristan da "
     "Cunha|Sint-Helena, Ascension en Tristan da Cunha"},
    {"SI", "SVN",
     "Slowenien|Slovenia|Eslovenia|Slovénie|슬로베니아|斯洛文尼亚|Republic of "
     "Slovenia|Slovenija|Republika Slovenija"},
    {"SJ", "SJM",
     "Svalbard und Jan Mayen|Svalbard and Jan Mayen|Svalbard y Jan Mayen|Svalbard et île Jan "
     "Mayen|스발바르 얀마옌 제도|Svalbard e Jan Mayen|斯瓦尔巴特和扬马延岛|Spitsbergen en Jan "
     "Mayen|Svalbard og Jan Mayen"},
    {"SK", "SVK",
     "Slowakei|Slovakia|Eslovaquia|Slovaquie|슬로바키아|斯洛伐克|Slovak "
     "Republic|Slovacchia|Slowakije|Slovensko|Slovenská republika"},
    {"SL", "SLE",
     "Sierra Leone|Sierra Leona|시에라리온|Serra Leoa|塞拉利昂|Republic of Sierra Leone"},
    {"SM", "SMR",
     "San Marino|Saint-Marin|산마리노|圣马力诺|Republic of San Marino|Repubblica di San Marino"},
    {"SN", "SEN",
     "Senegal|세네갈|塞内加尔|Republic of Senegal|République du Sénégal|Senegaal|Republik bu "
     "Senegaal"},
    {"SO", "SOM",
     "Somalia|Somalie|소말리아|索马里|Federal Republic of Somalia|Soomaaliya|الصّومال|جمهورية "
     "الصومال الفيدرالية"},
    {"SR", "SUR", "Suriname|Surinám|수리남|苏里南|Republic of Suriname|Republiek Suriname"},
    {"SS", "SSD",
     "Südsudan|South Sudan|Sudán del Sur|Soudan du Sud|남수단|Sudão do Sul|南苏丹|Republic of "
     "South Sudan|Sudan del sud|Zuid-Soedan|جنوب السّودان|جمهورية جنوب السّودان"},
    {"ST", "STP",
     "São Tomé und Príncipe|Sao Tome and Principe|Santo Tomé y Príncipe|Sao "
     "Tomé-et-Principe|상투메 프린시페|São Tomé e Príncipe|圣多美和普林西比|Democratic Republic of "
     "Sao Tome and Principe|República Democrática de São Tomé e Príncipe|Sao Tomé en Principe"},
    {"SV", "SLV",
     "El Salvador|Salvador|엘살바도르|萨尔瓦多|Republic of El Salvador|República de El Salvador"},
    {"SX", "SXM",
     "Saint-Martin (Niederländischer Teil)|Sint Maarten (Dutch part)|Isla de San Martín (zona "
     "holandsea)|Saint-Martin (partie néerlandaise)|신트마르턴 (네덜란드령)|São Martinho (Países "
     "Baixos)|荷属圣马丁|Sint Maarten (Olanda)|Sint Maarten (Nederlands deel)"},
    {"SY", "SYR",
     "Syrien, Arabische Republik|Syrian Arab Republic|República árabe de Siria|Syrienne, "
     "République arabe|시리아 아랍 공화국|República Árabe Síria|叙利亚|Syria|Syrien|Syrië"},
    {"SZ", "SWZ", "Eswatini|Suazilandia|에스와티니|斯威士兰|Kingdom of Eswatini|Esuatini"},
    {"TC", "TCA",
     "Turks- und Caicosinseln|Turks and Caicos Islands|Islas Turcas y Caicos|îles "
     "Turques-et-Caïques|터크스 케이커스 제도|Ilhas Turcas e Caicos|特克斯和凯科斯群岛|Isole Turks "
     "e Caicos|Turks- en Caicoseilanden"},
    {"TD", "TCD",
     "Tschad|Chad|Tchad|차드|Chade|乍得|Republic of Chad|République du "
     "Tchad|Ciad|Tsjaad|تشاد|جمهوريّة تشاد"},
    {"TF", "ATF",
     "Französische Süd- und Antarktisgebiete|French Southern Territories|Territorios Franceses del "
     "Sur|Terres australes françaises|프랑스령 남 자치구역|Territórios Franceses do "
     "Sul|法属南半球领地|Territori francesi meridionali|Franse Zuidelijke Gebieden"},
    {"TG", "TGO", "Togo|토고|多哥|Togolese Republic|République togolaise"},
    {"TH", "THA",
     "Thailand|Tailandia|Thaïlande|태국|泰国|Kingdom of Thailand|Thailandia|ไทย|ราชอาณาจักรไทย"},
    {"TJ", "TJK",
     "Tadschikistan|Tajikistan|Tayikistán|Tadjikistan|타지키스탄|Tajiquistão|塔吉克斯坦|Republic "
     "of Tajikistan|Tagikistan|Tadzjikistan|Тоҷикистон|Ҷумҳурии Тоҷикистон"},
    {"TK", "TKL", "Tokelau|토켈라우|托克劳群岛"},
    {"TL", "TLS",
     "Timor-Leste|Timor Oriental|동티모르|东帝汶|Democratic Republic of Timor-Leste|República "
     "Democrática de Timor-Leste|Timor Est|Oost-Timor"},
    {"TM", "TKM", "Turkmenistan|투르크메니스탄|Turquemenistão|土库曼斯坦"},
    {"TN", "TUN",
     "Tunesien|Tunisia|Tunez|Tunisie|튀니지|突尼斯|Republic of Tunisia|Tunesië|تونس|الجمهورية "
     "التونسية"},
    {"TO", "TON", "Tonga|통가|汤加|Kingdom of Tonga"},
    {"TR", "TUR",
     "Türkei|Turkey|Turquía|Turquie|터키|土耳其|Türkiye|Republic of Türkiye|Turkije|Türkiye "
     "Cumhuriyeti"},
    {"TT", "TTO",
     "Trinidad und Tobago|Trinidad and Tobago|Trinidad y Tobago|Trinité-et-Tobago|트리니다드 "
     "토바고|Trindade e Tobago|特里尼达和多巴哥|Republic of Trinidad and Tobago|Trinidad e "
     "Tobago|Trinidad en Tobago"},
    {"TV", "TUV", "Tuvalu|투발루|图瓦鲁"},
    {"TW", "TWN", "Taiwan|타이완|台湾|Taiwan, Province of China|臺灣|中華民國"},
    {"TZ", "TZA",
     "Tansania|Tanzania|Tanzanie|탄자니아|坦桑尼亚|Tanzania, United Republic of|United Republic of "
     "Tanzania"},
    {"UA", "UKR", "Ukraine|Ucrania|우크라이나|乌克兰|Ucraina|Oekraïne|Україна"},
    {"UG", "UGA", "Uganda|Ouganda|우간다|乌干达|Republic of Uganda|Oeganda"},
    {"UM", "UMI",
     "United States Minor Outlying Islands|Islas Ultramarinas Menores de Estados Unidos|Îles "
     "mineures éloignées des États-Unis|미국령 군소 제도|Ilhas Menores Distantes dos Estados "
     "Unidos|美国本土外小岛屿|Isole minori esterne degli Stati Uniti d'America|Kleine afgelegen "
     "eilanden van de Verenigde Staten"},
    {"US", "USA",
     "Vereinigte Staaten|United States|Estados Unidos|États-Unis|미국|美国|United States of "
     "America|Stati Uniti|Verenigde Staten"},
    {"UY", "URY",
     "Uruguay|우루과이|Uruguai|乌拉圭|Eastern Republic of Uruguay|República Oriental del Uruguay"},
    {"UZ", "UZB",
     "Usbekistan|Uzbekistan|Ouzbékistan|우즈베키스탄|Uzbequistão|乌兹别克斯坦|Republic of "
     "Uzbekistan|Oezbekistan|Oʻzbekiston"},
    {"VA", "VAT",
     "Heiliger Stuhl (Staat Vatikanstadt)|Holy See (Vatican City State)|Santa Sede (Ciudad Estado "
     "del Vaticano)|Saint-Siège (état de la cité du Vatican)|바티칸 시티 (Holy See)|Santa Sé "
     "(Estado da Cidade do Vaticano)|梵地冈|Santa Sede (Stato della Città del "
     "Vaticano)|Vaticaanstad, Staat"},
    {"VC", "VCT",
     "St. Vincent und die Grenadinen|Saint Vincent and the Grenadines|San Vicente y las "
     "Granadinas|Saint-Vincent-et-les-Grenadines|세인트빈센트 그레나딘|São Vicente e "
     "Granadinas|圣文森特和格林纳丁斯|Saint Vincent e Grenadine|Saint Vincent en de Grenadines"},
    {"VE", "VEN",
     "Venezuela|베네수엘라|委内瑞拉|Venezuela, Bolivarian Republic of|Bolivarian Republic of "
     "Venezuela|República Bolivariana de Venezuela"},
    {"VG", "VGB",
     "Britische Jungferninseln|Virgin Islands, British|Islas Vírgenes, Británicas|Îles Vierges "
     "britanniques|버진 제도, 영국령|Ilhas Virgens, Britânicas|英属维京群岛|British Virgin "
     "Islands|Isole Vergini, Regno Unito|Maagdeneilanden, Britse"},
    {"VI", "VIR",
     "Amerikanische Jungferninseln|Virgin Islands, U.S.|Islas Vírgenes, de EEUU|Îles Vierges des "
     "États-Unis|버진 제도, 미국령|Ilhas Virgens, Estados Unidos|美属维京群岛|Virgin Islands of "
     "the United States|Îles Vierges, États-Unis|Isole Vergini, U.S.A.|Maagdeneilanden, "
     "Amerikaanse"},
    {"VN", "VNM",
     "Vietnam|Viêt Nam|베트남|Vietname|越南|Socialist Republic of Viet Nam|Nước Cộng Hoà Xã Hội "
     "Việt Nam"},
    {"VU", "VUT", "Vanuatu|바누아투|瓦努阿图|Republic of Vanuatu"},
    {"WF", "WLF",
     "Wallis und Futuna|Wallis and Futuna|Wallis y Futuna|Wallis et Futuna|왈리스 퓌튀나|Wallis e "
     "Futuna|瓦利斯和富图纳|Wallis en Futuna"},
    {"WS", "WSM", "Samoa|사모아|萨摩亚|Independent State of Samoa"},
    {"YE", "YEM", "Jemen|Yemen|예멘|Iémen|也门|Republic of Yemen|اليمن|جمهوريّة اليمن"},
    {"YT", "MYT", "Mayotte|마요트|马约特"},
    {"ZA", "ZAF",
     "Südafrika|South Africa|Sudáfrica|Afrique du Sud|남아프리카 공화국|África do "
     "Sul|南非|Republic of South Africa|Zuid-Afrika|Suid-Afrika|Republiek van "
     "Suid-Afrika|IRiphabliki yaseNingizimu Afrika|Mzantsi Afrika"},
    {"ZM", "ZMB", "Sambia|Zambia|Zambie|잠비아|赞比亚|Republic of Zambia"},
    {"ZW", "ZWE", "Simbabwe|Zimbabwe|Zimbabue|짐바브웨|津巴布韦|Republic of Zimbabwe"},
};

// Written by hand: names the generated table lacks. Each must fold to a key of one country only.
struct Alias {
  std::string_view name;
  std::string_view code;
};
constexpr Alias kAliases[] = {
    // The United Kingdom and its nations, in English, the nations' languages and the languages
    // of the names above.
    {"U.K.", "GB"},
    {"Great Britain", "GB"},
    {"Britain", "GB"},
    {"Grande-Bretagne", "GB"},
    {"Gran Bretaña", "GB"},
    {"Großbritannien", "GB"},
    {"Grã-Bretanha", "GB"},
    {"Gran Bretagna", "GB"},
    {"Groot-Brittannië", "GB"},
    {"England", "GB"},
    {"Angleterre", "GB"},
    {"Inglaterra", "GB"},
    {"Inghilterra", "GB"},
    {"Engeland", "GB"},
    {"Scotland", "GB"},
    {"Écosse", "GB"},
    {"Escocia", "GB"},
    {"Escócia", "GB"},
    {"Schottland", "GB"},
    {"Scozia", "GB"},
    {"Schotland", "GB"},
    {"Wales", "GB"},
    {"Cymru", "GB"},
    {"Pays de Galles", "GB"},
    {"Gales", "GB"},
    {"País de Gales", "GB"},
    {"Galles", "GB"},
    {"Northern Ireland", "GB"},
    {"Irlande du Nord", "GB"},
    {"Irlanda del Norte", "GB"},
    {"Irlanda do Norte", "GB"},
    {"Nordirland", "GB"},
    {"Irlanda del Nord", "GB"},
    {"Noord-Ierland", "GB"},
    // Short and former names.
    {"U.S.A.", "US"},
    {"U.S.", "US"},
    {"Holland", "NL"},
    {"Republic of Ireland", "IE"},
    {"Eire", "IE"},
    {"Ivory Coast", "CI"},
    {"Elfenbeinküste", "CI"},
    {"Costa de Marfil", "CI"},
    {"Burma", "MM"},
    {"Swaziland", "SZ"},
    {"Cape Verde", "CV"},
    {"East Timor", "TL"},
    {"Macedonia", "MK"},
    {"Vatican", "VA"},
    {"Vatican City", "VA"},
    {"Holy See", "VA"},
    {"North Korea", "KP"},
    {"Laos", "LA"},
    {"Syria", "SY"},
    {"Iran", "IR"},
    {"Palestine", "PS"},
    {"Moldova", "MD"},
    {"Tanzania", "TZ"},
    {"Venezuela", "VE"},
    {"Viet Nam", "VN"},
    {"Russia", "RU"},
    {"Russland", "RU"},
    {"Rusia", "RU"},
    {"Russie", "RU"},
    {"Rússia", "RU"},
    {"Россия", "RU"},
    {"Czech Rep.", "CZ"},
    {"ČR", "CZ"},
    {"România", "RO"},
    {"Ísland", "IS"},
    {"Shqipëria", "AL"},
    {"Lëtzebuerg", "LU"},
    {"Türkiye", "TR"},
    // Misspellings and places met in the country field of real directories (the SUSY map).
    {"Frace", "FR"},
    {"Cypres", "CY"},
    {"Italu", "IT"},
    {"Aberdeen", "GB"},
    // Names and regions the UNDP SDG Innovation Commons writes in its countries field: regions
    // stand for the country they are in (ISO 3166-1 lists none of them apart).
    {"Democratic Republic of the Congo", "CD"},
    {"Trinidad", "TT"},
    {"Antigua", "AG"},
    {"Federation of Bosnia and Herzegovina", "BA"},
    {"Republika Srpska", "BA"},
    {"Kurdistan Region", "IQ"},
    {"Canary Islands", "ES"},
    {"Galápagos Province", "EC"},
    {"Gaza Strip", "PS"},
    {"Honshu", "JP"},
    {"North Island", "NZ"},
    {"South Island", "NZ"},
    {"Pante Makassar Subdistrict", "TL"},
    {"Puntland", "SO"},
    {"Somaliland", "SO"},
    {"Vojvodina", "RS"},
    {"Flemish Brabant", "BE"},
    {"Walloon Brabant", "BE"},
    {"Adjara", "GE"},
};

// National abbreviations that are another country's ISO code (see NormaliseCountryAt).
struct Abbreviation {
  std::string_view value;
  std::string_view code;
};
constexpr Abbreviation kEuropeanAbbreviations[] = {{"SR", "SK"}, {"CR", "CZ"}};

// "CÔTE-D'IVOIRE " -> "cote d ivoire": folded words joined by single spaces.
std::string NameKey(std::string_view name) { return Join(Words(Fold(name)), " "); }

struct Index {
  std::unordered_set<std::string> alpha2;
  std::unordered_map<std::string, std::string> alpha3;  // "FRA" -> "FR"
  std::unordered_map<std::string, std::string> names;   // NameKey -> code, "" when ambiguous
};

void AddName(std::string_view name, std::string_view code, Index* index) {
  std::string key = NameKey(name);
  if (key.empty()) return;
  auto [it, inserted] = index->names.emplace(key, code);
  if (!inserted && it->second != code) it->second.clear();
}

Index BuildIndex() {
  Index index;
  for (const Country& c : kCountries) {
    index.alpha2.emplace(c.alpha2);
    index.alpha3.emplace(c.alpha3, c.alpha2);
    for (const std::string& name : Split(c.names, '|')) AddName(name, c.alpha2, &index);
  }
  for (const Alias& a : kAliases) AddName(a.name, a.code, &index);
  return index;
}

const Index& TheIndex() {
  static const Index index = BuildIndex();
  return index;
}

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool IsAsciiLetters(std::string_view s) {
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

// Rules 2 and 3 of the header: alpha-2 (with UK and EL) and alpha-3 codes.
std::optional<std::string> FromCode(std::string_view value) {
  if (!IsAsciiLetters(value)) return std::nullopt;
  std::string code = AsciiUpper(value);
  if (code == "UK") return "GB";
  if (code == "EL") return "GR";
  const Index& index = TheIndex();
  if (code.size() == 2 && index.alpha2.count(code)) return code;
  if (code.size() != 3) return std::nullopt;
  auto it = index.alpha3.find(code);
  if (it == index.alpha3.end()) return std::nullopt;
  return it->second;
}

}  // namespace

std::optional<std::string> NormaliseCountry(std::string_view value) {
  std::string_view trimmed = Trim(value);
  if (trimmed.empty()) return std::nullopt;
  if (auto code = FromCode(trimmed)) return code;
  std::string key = NameKey(trimmed);
  const auto& names = TheIndex().names;
  auto it = names.find(key);
  if (it != names.end()) {
    if (it->second.empty()) return std::nullopt;  // ambiguous
    return it->second;
  }
  if (StartsWith(key, "the ")) return NormaliseCountry(std::string_view(key).substr(4));
  return std::nullopt;
}

std::optional<std::string> NormaliseCountryAt(std::string_view value, double lat, double lon) {
  const bool in_europe = lat >= 34 && lat <= 72 && lon >= -25 && lon <= 45;
  if (in_europe) {
    std::string code = AsciiUpper(Trim(value));
    for (const Abbreviation& a : kEuropeanAbbreviations) {
      if (code == a.value) return std::string(a.code);
    }
  }
  return NormaliseCountry(value);
}

bool IsCountryCode(std::string_view code) { return TheIndex().alpha2.count(std::string(code)) > 0; }

}  // namespace ecosol::text
