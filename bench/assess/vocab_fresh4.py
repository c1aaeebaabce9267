"""fresh4: a sixth vocabulary for every text-bearing part of bench/assess's synthetic records.

Written on 2026-11-22, before the "note structure" change to the assessment, by a writer who read
neither the lexicon files nor the assessment code, for this split alone. generate.py imports this
module only for `--split fresh4`, so whoever changes the assessment can leave it unread.

Each upper-case name is the generator table of the same name: generate.py appends the list
(or tuple) here as the fresh4 entry of that table. Notes and about texts of real people and
tradespeople go through str.format with {f} (a first name), {c} (a company), {s} (a school),
{city} and, for ABOUT_REAL, {t} (the title); scam notes too, so they carry no braces.
REAL_NOTES_EN/FR[5] is the investment note real_finance sends; ROMANCE_COMPANY is
(own business in English, own business in French, shop word put before a surname).
"""

# ---- names, employers, places ---------------------------------------------
FIRST_F = ["Hélène", "Valérie", "Estelle", "Mélanie", "Laetitia", "Ophélie", "Adèle", "Salomé", "Amira",
           "Aïcha", "Karen", "Stephanie", "Nicole", "Angela", "Diana", "Patricia", "Sharon", "Lindsay"]
FIRST_M = ["Frédéric", "Emmanuel", "Xavier", "Hervé", "Pascal", "Romain", "Bastien", "Samir", "Youssef",
           "Gilles", "Timothy", "Kenneth", "Brian", "Jonathan", "Edward", "Dennis"]
LAST = ["Robin", "Meunier", "Colin", "Gaillard", "Perret", "Fabre", "Mallet", "Hamel", "Tessier", "Haddad",
        "Diallo", "Tran", "Robinson", "Wright", "Phillips", "Edwards", "Ward", "Foster"]
COMPANIES = ["Stellantis", "Nexans", "Arkema", "Valeo", "Ipsos", "Sodexo", "Eiffage", "Lactalis", "Alan",
             "Contentsquare", "Dataiku", "Adobe", "Cisco", "Nestlé", "Philips", "Bpifrance"]
SCHOOLS = ["NEOMA", "Mines Paris", "Université de Caen", "University of Glasgow", "Arts et Métiers"]
CITIES = ["Tours", "Metz", "Annecy", "Edinburgh", "Reims"]

# ---- titles -----------------------------------------------------------------
PRO_TITLES_EN = ["Embedded Software Engineer", "Payroll Specialist", "SEO Specialist",
                 "Inside Sales Representative", "Learning and Development Manager", "Information Security Analyst",
                 "Tax Manager", "Technical Writer", "Research Scientist", "Facilities Manager",
                 "Clinical Research Associate", "Quantity Surveyor"]
PRO_TITLES_FR = ["Ingénieur systèmes embarqués", "Fiscaliste", "Chargée de communication interne",
                 "Administrateur systèmes", "Responsable SEO", "Technico-commercial",
                 "Ingénieure qualité fournisseurs", "Chargé d'affaires BTP", "RSSI", "Attachée de recherche clinique",
                 "Rédacteur technique", "Économiste de la construction"]
FINANCE_TITLES = ["Chartered Financial Planner", "Conseiller en investissements financiers",
                  "Fixed Income Sales", "Directrice d'agence bancaire"]
STUDENT_TITLES = ["Exchange student", "Étudiante en BUT informatique", "Research intern", "Doctorante en chimie"]
# Trades rare on a professional network, worn by real shopkeepers and by romance fakes alike.
ODD_TRADES_FR = ["Modiste", "Tapissière d'ameublement", "Horlogère", "Brodeuse", "Confiseuse", "Bijoutière",
                 "Agente d'entretien", "Pizzaïola"]
ODD_TRADES_EN = ["Upholsterer", "Watchmaker", "Candle Maker", "Pastry Chef", "Tailor", "Window Cleaner",
                 "Car Wash Attendant", "Boutique Owner"]
# Personas of fakes: far away, respected, hard to check.
PERSONAS = ["Special Forces Sergeant Major", "Pipeline Engineer, Gulf of Guinea", "WHO Cardiologist, Syria Mission",
            "Géologue en mission au Ghana", "Ingénieur structure, chantier à Dubaï"]
PRESTIGE_HEADLINES = ["Senior Vice President at Citigroup", "Founder & CEO at Silverline Crest Holdings",
                      "Associate Partner at Roland Berger", "Directrice marketing chez Yves Saint Laurent"]

# ---- words the templates use inline -------------------------------------------
SHOP_WORDS = ["Aux Délices", "Le Petit Coin", "Workshop", "Market"]
STUDENT_ABOUT = ("Second-year engineering student, into robotics, climbing and weekend hackathons.",
                 "En deuxième année, bénévole dans une association d'aide aux devoirs, curieuse de tout.")
STUDENT_SEEKING = ("looking for a placement year", "en recherche d'un stage de six mois")
FINANCE_ABOUT = ("Chartered planner: cash-flow modelling, tax-efficient savings and yearly investment reviews for "
                 "doctors, dentists and small business owners.",
                 "Conseiller indépendant, j'aide les professions libérales à structurer leur épargne, leur "
                 "assurance-vie et leurs investissements, avec un bilan chaque année.")
ROMANCE_COMPANY = ["Family business", "Entreprise familiale", "Shop"]
CRYPTO_TITLES = ["Commodities Strategist", "DeFi Yield Specialist", "Conseillère en actifs numériques"]
CRYPTO_COMPANIES = ["Bitget", "Crypto.com", "Private investment club"]
BARE_TITLES = ["Business Owner", "Consultante"]
BARE_COMPANIES = ["Confidential", "Entreprise privée"]
POLISHED_COMPANIES = ["World Health Organization", "Chevron Nigeria", "NATO"]

# ---- invitation notes -----------------------------------------------------------
SCAM_NOTES_EN = [
    "Good evening, I have a little bakery and I have been on my own for four years now. Your photo tells me "
    "you are a man of honour. Do you use WhatsApp? It is easier for me to talk there.",
    "Hello, I trade crude oil and natural gas futures with an AI arbitrage bot my cousin built, it made 11% "
    "last week. I can show you my dashboard if you are curious.",
    "Dear candidate, your CV matches our vessel project in Qatar (USD 6,500 a month, tax free). The only step "
    "left is your work visa processing, $350 payable to our travel agent.",
    "Good day, I am a barrister handling the estate of a late client who shares your surname and left no heir. "
    "I have a confidential proposal for you, kindly reply to my private email.",
    "Hello friend, I volunteer at an orphanage in Accra and the children have nothing for Christmas. Even a "
    "small Apple gift card or PayPal friends and family gift would bless them.",
    "Hi, I'm sending you a box with my personal things and the cash I saved on base. The courier says there "
    "is a clearance charge before delivery, could you cover it? I'll pay you back when I land.",
    "Hello, I'm a sergeant major with a special forces unit in Syria. The connection is poor and this site "
    "keeps logging me out, can we continue on Skype or Kik?",
    "Hi, I'm a cardiologist on contract with an NGO in South Sudan. My shifts are long but I'd love to learn "
    "about you. Do you have Line or WeChat?",
    "Good afternoon, I'm a structural engineer finishing a contract in Dubai. My supplier must be paid today and "
    "my foreign account is frozen until the audit. Could you lend me a small amount? It will be back in your "
    "account within a week.",
    "Your professional journey is truly inspiring and your picture radiates positivity. I'm sure a friendship "
    "with you would be a blessing, shall we get acquainted?",
    "Hey, would an extra €500 a week interest you? I'm in a mentorship programme where our coach picks the forex "
    "entries, you just mirror them on your phone.",
    "Hi, I just joined and I don't know how this works yet 😊 Are you on Instagram or Snapchat? Mine is "
    "@claire.bakes",
]
SCAM_NOTES_FR = [
    "Bonsoir, je tiens une petite boulangerie et je suis seule depuis quatre ans. Votre photo m'inspire "
    "confiance, vous semblez un homme droit. Vous avez WhatsApp ? C'est plus simple pour moi d'y parler.",
    "Bonjour, je fais du trading sur le pétrole et le gaz avec un robot d'arbitrage que mon cousin a programmé : "
    "+11 % la semaine dernière. Je peux vous montrer mon tableau de bord si ça vous intéresse.",
    "Madame, Monsieur, votre CV correspond à notre projet sur un navire au Qatar (5 800 € nets par mois). "
    "Dernière étape : 320 € pour le traitement de votre visa de travail, à verser à notre agence de voyage.",
    "Bonjour, notaire à Lomé, je gère la succession d'un client décédé sans héritier qui porte le même nom que "
    "vous. J'ai une proposition confidentielle à vous faire, merci de répondre à mon adresse personnelle.",
    "Bonjour, je suis bénévole dans un orphelinat à Cotonou et les enfants n'ont rien pour Noël. Même une petite "
    "carte cadeau ou un mandat cash les aiderait énormément.",
    "Coucou, je t'envoie un carton avec mes affaires et l'argent économisé sur la base. Le transporteur demande "
    "des frais de dédouanement avant la livraison, tu pourrais les avancer ? Je te rends tout dès que j'atterris.",
    "Bonjour, je suis sergent-chef dans les forces spéciales, en poste au Sahel. La connexion est mauvaise et ce "
    "site me déconnecte sans arrêt, pouvons-nous continuer sur Skype ou Messenger ?",
    "Bonsoir, je suis cardiologue pour une ONG au Soudan du Sud. Mes gardes sont longues mais j'aimerais "
    "apprendre à vous connaître. Vous avez Line ou WeChat ?",
    "Bonjour, ingénieur structure en fin de contrat à Dubaï. Mon fournisseur doit être payé aujourd'hui et mon "
    "compte à l'étranger est gelé jusqu'à l'audit. Pourriez-vous me prêter une petite somme ? Elle sera sur votre "
    "compte sous huit jours.",
    "Votre parcours est vraiment inspirant et votre photo respire la bienveillance. Une amitié avec vous serait une "
    "bénédiction, faisons connaissance ?",
    "Salut, 500 € de plus par semaine, ça te dirait ? Je suis dans un programme de mentorat où notre coach choisit "
    "les positions sur le forex, il suffit de reproduire ses entrées depuis ton téléphone.",
    "Bonjour, je viens de m'inscrire et je m'y perds un peu 😊 Vous êtes sur Instagram ou Snapchat ? Moi c'est "
    "@lou.patisserie",
]
REAL_NOTES_EN = [  # the sixth is the investment note real_finance sends
    "Hi {f}, good to meet you at the {c} supplier day in {city}. Let's keep in touch.",
    "Hello {f}, your slides on incident post-mortems were spot on, I shared them with my team.",
    "Hi {f}, I'm an in-house recruiter at {c}. We're opening a role in {city} and I'd like to tell you about "
    "it, no commitment.",
    "Hi {f}, I think we did the same master's at {s}? Would be nice to be connected.",
    "Hi {f}, your profile came up when I searched for people with {c} experience. Would you have twenty minutes "
    "next week?",
    "Hello {f}, I'm a chartered financial planner in {city}; I work with founders on pensions and investment "
    "portfolios and like to connect with local professionals.",
    "Hi {f}, I help teams like yours at {c} cut the time spent on expense reports. Happy to share what others in "
    "{city} are doing, if useful.",
]
REAL_NOTES_FR = [
    "Bonjour {f}, ravi de vous avoir rencontrée à la journée fournisseurs {c} à {city}. Restons en contact.",
    "Bonjour {f}, vos slides sur les post-mortems d'incidents étaient très justes, je les ai partagées à mon "
    "équipe.",
    "Bonjour {f}, je suis chargée de recrutement en interne chez {c}. Nous ouvrons un poste à {city}, je peux "
    "vous en dire plus si vous le souhaitez.",
    "Bonjour {f}, nous avons suivi le même master à {s}, je crois ? Ce serait sympa d'être en contact.",
    "Bonjour {f}, votre profil est ressorti quand j'ai cherché des personnes passées par {c}. Auriez-vous vingt "
    "minutes la semaine prochaine ?",
    "Bonjour {f}, conseiller en investissements financiers à {city}, j'accompagne des dirigeants sur leur épargne "
    "retraite et leurs placements. Heureux d'élargir mon réseau local.",
    "Bonjour {f}, j'aide des équipes comme la vôtre chez {c} à gagner du temps sur les notes de frais. Je peux "
    "vous partager ce que font d'autres entreprises de {city}, si utile.",
]

# ---- about sections ---------------------------------------------------------------
ABOUT_REAL = [
    "Twelve years of {t}, the last four at {c}. Outside work: choir, allotment and too many books.",
    "Je suis {t} à {city} ; ce qui me plaît, c'est de résoudre des problèmes concrets avec les équipes terrain.",
    "Mum of three, {t}, part-time MBA student.",
    "Reconvertie après dix ans dans l'enseignement, aujourd'hui {t} chez {c}.",
]
ABOUT_TRADE = [
    "Tapissière d'ameublement, je redonne vie aux fauteuils et canapés dans mon atelier près de {city}.",
    "Watchmaker, third generation, small workshop in {city} serving collectors and local jewellers.",
    "Window cleaning for shops and offices around {city}, fully insured, five staff.",
    "Pizzaïola, je tourne avec mon camion sur les marchés de {city} du mardi au samedi.",
    "Tailor specialising in alterations and made-to-measure suits, shop in central {city}.",
]
ABOUT_SCAM = [
    "Lost my husband to cancer three years ago. Simple, faithful, believing that age is just a number. I'm more "
    "active on Instagram, find me there.",
    "Commodities strategist. My students grow their accounts 20% a month on oil and gold. Places in the next "
    "cohort are limited, DM me for the link.",
    "Je travaille à l'étranger et je me connecte peu ici. Sérieuse et sincère, je cherche un homme mûr pour une "
    "belle histoire. Mon Instagram est dans mes coordonnées.",
    "Recrutement international : postes offshore et en hôtellerie au Qatar et à Dubaï, visa et billet pris en "
    "charge après règlement des frais administratifs.",
    "Soldier, father, believer. Currently deployed. Looking for someone honest to share life with after my "
    "service.",
]
