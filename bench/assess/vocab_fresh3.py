"""fresh3: a fifth vocabulary for every text-bearing part of bench/assess's synthetic records.

Written on 2026-11-22, before the lexicon revision of that day, by a writer who did not read
the lexicon files nor the assessment code, for this split alone. generate.py imports this
module only for `--split fresh3`, so whoever revises the lexicons can leave it unread.

Each upper-case name is the generator table of the same name: generate.py appends the list
(or tuple) here as the fresh3 entry of that table. Notes and about texts of real people and
tradespeople go through str.format with {f} (a first name), {c} (a company), {s} (a school),
{city} and, for ABOUT_REAL, {t} (the title); scam notes too, so they carry no braces.
"""

# ---- names, employers, places ---------------------------------------------
FIRST_F = ["Virginie", "Sandrine", "Céline", "Delphine", "Agathe", "Capucine", "Romane", "Louise", "Yasmine",
           "Fatou", "Heather", "Rebecca", "Vanessa", "Michelle", "Tiffany", "Linda", "Crystal", "Monica"]
FIRST_M = ["Laurent", "Vincent", "Bertrand", "Florian", "Karim", "Mehdi", "Baptiste", "Adrien", "Thibault",
           "Eric", "Richard", "Charles", "Scott", "Mark", "Anthony", "Gregory"]
LAST = ["Leroy", "Fournier", "Masson", "Barbier", "Dumont", "Giraud", "Joly", "Rolland", "Brunet", "Carpentier",
        "Benali", "Nguyen", "Parker", "Evans", "Turner", "Campbell", "Mitchell", "Stewart"]
COMPANIES = ["Pernod Ricard", "Kering", "Bureau Veritas", "Air France-KLM", "Sanofi", "La Poste", "Edenred",
             "Mirakl", "Back Market", "Qonto", "Vinci", "Legrand", "SAP", "Spotify", "Unilever", "Nokia"]
SCHOOLS = ["ESCP", "Polytechnique", "Université Paris-Saclay", "University of Exeter", "Université de Poitiers"]
CITIES = ["Rouen", "Brest", "Clermont-Ferrand", "Bristol", "Angers"]

# ---- titles -----------------------------------------------------------------
PRO_TITLES_EN = ["Mobile Developer", "Operations Manager", "Machine Learning Engineer", "Growth Lead",
                 "Partnerships Manager", "Recruitment Consultant", "QA Engineer", "Management Accountant",
                 "Solutions Architect", "Network Engineer", "Service Designer", "Category Manager"]
PRO_TITLES_FR = ["Développeur mobile", "Directeur des opérations", "Ingénieure data", "Chargée de partenariats",
                 "Ingénieur réseaux", "Architecte logiciel", "Responsable logistique", "Chargée de mission RSE",
                 "Responsable service client", "Ergonome", "Chef de chantier", "Expert-comptable"]
FINANCE_TITLES = ["Relationship Manager, Private Banking", "Conseillère clientèle professionnels",
                  "Credit Risk Analyst", "Gestionnaire d'actifs"]
STUDENT_TITLES = ["Master's student", "Élève ingénieure", "Graduate trainee", "Étudiant en IUT GEA"]
# Trades rare on a professional network, worn by real shopkeepers and by romance fakes alike.
ODD_TRADES_FR = ["Cordonnière", "Primeur", "Mercière", "Styliste ongulaire", "Femme de chambre", "Aide à domicile",
                 "Gérante de pressing", "Caviste"]
ODD_TRADES_EN = ["Greengrocer", "Shoe Repairer", "Massage Therapist", "Pet Sitter", "Spa Receptionist",
                 "Home Caregiver", "Dry Cleaning Attendant", "Eyebrow Threading Artist"]
# Personas of fakes: far away, respected, hard to check.
PERSONAS = ["Colonel, US Marine Corps", "Offshore Drilling Contractor", "Trauma Surgeon at a Field Hospital",
            "Médecin urgentiste en mission humanitaire", "Capitaine de frégate"]
PRESTIGE_HEADLINES = ["Executive Director at UBS", "President at Horizon Global Investments",
                      "Principal at Oliver Wyman", "Directrice commerciale chez Cartier"]

# ---- words the templates use inline -------------------------------------------
SHOP_WORDS = ["Ets", "Famille", "House of", "Espace"]
STUDENT_ABOUT = ("Final-year student; I like data, debating and five-a-side football.",
                 "En dernière année, j'aime le travail en équipe et les projets associatifs.")
STUDENT_SEEKING = ("seeking a graduate programme", "disponible pour un contrat d'apprentissage")
FINANCE_ABOUT = ("Fifteen years in private banking: estate planning, diversified portfolios and long-term savings "
                 "for families and entrepreneurs.",
                 "En banque privée depuis quinze ans, je conseille familles et entrepreneurs sur la transmission, la "
                 "diversification de leur patrimoine et l'épargne de long terme.")
ROMANCE_COMPANY = ["Sole trader", "Auto-entrepreneuse", "Chez"]
CRYPTO_TITLES = ["Copy-Trading Mentor", "Precious Metals Adviser", "Web3 Wealth Coach"]
CRYPTO_COMPANIES = ["OKX", "KuCoin", "Private trading group"]
BARE_TITLES = ["Founder", "Gérante"]
BARE_COMPANIES = ["Private", "Auto-entrepreneur"]
POLISHED_COMPANIES = ["US Marine Corps", "Halliburton Offshore", "Médecins Sans Frontières"]

# ---- invitation notes -----------------------------------------------------------
SCAM_NOTES_EN = [
    "Hi, I don't log in here much. You have such a kind face, could you email me at "
    "lindaharper1975@gmail.com so we can talk properly?",
    "Hello, I own a little flower stall and since my fiancé passed away I feel so lonely. I'm searching for a "
    "gentle man to share my days with, can we chat on Telegram?",
    "Congratulations! You have been shortlisted for a remote assistant role at $38/hour. To activate your "
    "contract, please pay the $120 onboarding and equipment fee via Zelle.",
    "Hi, I'm in a private copy-trading group. Our analyst's XAU/USD signals bring members 5 to 8% a week. "
    "Shall I add you?",
    "Hey, do you have a side hustle? A staking pool makes me about $3,000 a week while I sleep, it takes ten "
    "minutes a day. Ask me how.",
    "Greetings, I'm a US Marine colonel on a restricted tour and can't use this site often. Kindly write to me "
    "on Google Chat or my private email and I will explain everything.",
    "Good day. I'm a drilling supervisor on a rig off the coast of Angola. My card got blocked and I need "
    "someone trustworthy to receive a transfer for me. I'll return every cent with interest.",
    "I must say, yours is the most elegant profile I have seen here, such grace and intelligence together is "
    "rare. I would be delighted to be your friend.",
    "Hello, is this Sarah from the yoga class? Sorry, wrong person I think. Anyway, you look nice, where are "
    "you from?",
]
SCAM_NOTES_FR = [
    "Bonjour, je ne viens presque jamais ici. Vous avez un regard si doux... écrivez-moi plutôt par mail : "
    "sylvie.lacroix74@gmail.com",
    "Bonsoir, je tiens une petite mercerie et depuis la mort de mon fiancé je me sens bien seule. Je cherche un "
    "homme tendre pour partager ma vie, on continue sur Telegram ?",
    "Félicitations, votre candidature a été retenue pour un poste en télétravail à 35 € de l'heure. Merci de "
    "régler 90 € de frais de dossier pour recevoir votre matériel.",
    "Bonjour, je fais partie d'un groupe privé de copy trading sur l'or et le forex : notre analyste nous fait "
    "gagner 5 à 8 % par semaine. Je vous ajoute ?",
    "Salut, tu as un complément de revenu ? Moi je gagne près de 3 000 € par semaine grâce au staking, dix "
    "minutes par jour suffisent. Demande-moi comment.",
    "Bonjour, je suis colonel dans l'armée américaine, en mission confidentielle, et je ne peux pas utiliser ce "
    "site souvent. Écrivez-moi sur Signal ou à mon adresse mail personnelle.",
    "Bonjour, je suis chef de forage sur une plateforme au large de l'Angola. Ma carte est bloquée et j'ai "
    "besoin d'une personne de confiance pour recevoir un virement, je vous rendrai tout avec les intérêts.",
    "Je dois vous le dire, votre profil est le plus élégant que j'aie vu ici : tant de grâce et d'intelligence "
    "réunies, c'est rare. Je serais ravi d'être votre ami.",
    "Bonjour, c'est bien Nathalie du cours de pilates ? Ah pardon, je me suis trompé de personne. Enfin, vous "
    "avez l'air sympathique, vous habitez où ?",
]
REAL_NOTES_EN = [  # the sixth is the investment note real_finance sends
    "Hi {f}, great panel at the {c} open day yesterday. Let's keep the conversation going.",
    "Hello {f}, your thread on pricing experiments was really useful to our team.",
    "Hi {f}, I'm a sourcer at {c}. No pressure, but a team there is growing and your name came up. Fancy a "
    "quick chat?",
    "Hi {f}, I'm mentoring a couple of {s} students this year and saw you're an alum too. Happy to connect.",
    "I noticed you moved on from {c} recently, congrats on the new chapter! Let's stay connected.",
    "Hello {f}, I look after retirement and portfolio planning for clients of a private bank in {city}; always "
    "glad to meet peers.",
]
REAL_NOTES_FR = [
    "Bonjour {f}, belle table ronde lors de la journée portes ouvertes {c}, au plaisir de poursuivre l'échange.",
    "Bonjour {f}, votre retour d'expérience sur la refonte de votre SI m'a beaucoup parlé.",
    "Bonjour {f}, je fais du sourcing pour {c} : une équipe s'agrandit et votre nom est ressorti. Un café "
    "virtuel ?",
    "Bonjour {f}, je parraine des étudiants de {s} cette année et je vois que vous en êtes diplômée, ravi de "
    "vous ajouter.",
    "Bonjour {f}, j'ai vu que vous aviez quitté {c}, bravo pour cette nouvelle étape !",
    "Bonjour {f}, conseiller en banque privée à {city}, j'accompagne des familles sur leur allocation d'actifs et la "
    "préparation de leur retraite. Au plaisir d'échanger.",
]

# ---- about sections ---------------------------------------------------------------
ABOUT_REAL = [
    "Started as an intern at {c} and never looked back; {t} is still what gets me up in the morning.",
    "Originaire de {city}, aujourd'hui {t}, je m'intéresse surtout à ce qui simplifie le travail des équipes.",
    "Volunteer firefighter at weekends, {t} during the week.",
    "Chez {c} depuis 2019 ({t}) ; avant cela, six ans en cabinet.",
]
ABOUT_TRADE = [
    "Cordonnière-maroquinière, je répare et je crée dans ma boutique du centre de {city}.",
    "Greengrocer with a stall at the covered market in {city}, sourcing from farms nearby.",
    "Masseuse diplômée, j'ai ouvert mon cabinet à {city} en 2018 et je travaille avec des clubs sportifs.",
    "Home caregiver for elderly clients around {city}, first-aid trainer on the side.",
]
ABOUT_SCAM = [
    "Easy going, family oriented and honest. I rarely check this app, my email is in my contact info.",
    "Copy-trading mentor. XAU/USD and BTC signals, members earn every week. Join my private group, link in "
    "contact info.",
    "Fidèle, douce et croyante, j'attends l'homme qui saura me rendre heureuse. Écrivez-moi par mail.",
    "Now hiring remote assistants worldwide, flexible hours, weekly pay. Registration fee refunded after your "
    "first salary.",
    "Officier de carrière en opération extérieure, père seul d'une petite fille, je cherche une compagne loyale "
    "pour l'après-mission.",
]
