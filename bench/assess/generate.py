#!/usr/bin/env python3
"""Generates a labelled set of synthetic profile records for bench/assess.

Six splits, each from its own seed *and its own vocabulary* (names, companies,
job titles, note phrasings, odd trades...), so that figures on a split the
weights were not tuned on say something about profiles they have not seen:

    python3 generate.py --split tuning  > tuning.jsonl
    python3 generate.py --split heldout > heldout.jsonl
    python3 generate.py --split fresh   > fresh.jsonl
    python3 generate.py --split fresh2  > fresh2.jsonl
    python3 generate.py --split fresh3  > fresh3.jsonl   # words in vocab_fresh3.py
    python3 generate.py --split fresh4  > fresh4.jsonl   # words in vocab_fresh4.py

Each line is a profile record (docs/PROTOCOL.md) plus two fields the assessor
ignores: "_label" ("fake" | "real") and "_case" (the template that made it).
Python standard library only; the output is deterministic.
"""
import argparse
import json
import random
import sys

# --------------------------------------------------------------------------
# Vocabulary. Index 0 is used by the tuning split, 1 by the held-out one, 2 by
# fresh, 3 by fresh2 (its words are added at the end of this section), 4 by
# fresh3 and 5 by fresh4 (their words are in vocab_fresh3.py and vocab_fresh4.py, each
# added in main() for its split only). A table
# with fewer entries gives the later splits its last one; None means "the same
# words as the split before" (so the older splits come out byte for byte as
# they were committed).
# --------------------------------------------------------------------------

FIRST_F = (
    ["Marie", "Camille", "Julie", "Sophie", "Claire", "Emma", "Laura", "Sarah", "Anna", "Emily",
     "Jessica", "Olivia", "Chloé", "Léa", "Inès", "Manon", "Hannah", "Grace"],
    ["Élodie", "Margaux", "Amandine", "Pauline", "Océane", "Lucie", "Charlotte", "Rachel",
     "Megan", "Victoria", "Abigail", "Zoé", "Maëlle", "Noémie", "Héloïse", "Brittany", "Amber", "Nina"],
)
FIRST_M = (
    ["Jean", "Pierre", "Thomas", "Nicolas", "Julien", "David", "Michael", "James", "Robert",
     "Antoine", "François", "Mathieu", "Daniel", "William", "Hugo", "Lucas"],
    ["Benoît", "Guillaume", "Sébastien", "Maxime", "Alexandre", "Christopher", "Matthew", "Andrew",
     "Joshua", "Rémi", "Yannick", "Jérôme", "Kevin", "Brandon", "Théo", "Raphaël"],
)
LAST = (
    ["Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Smith", "Johnson", "Brown",
     "Williams", "Garnier", "Roux", "Fontaine", "Chevalier", "Taylor", "Walker", "Girard", "Lambert"],
    ["Mercier", "Bonnet", "Faure", "Rousseau", "Blanc", "Guerin", "Muller", "Henry", "Davis", "Miller",
     "Wilson", "Anderson", "Perrin", "Morel", "Gauthier", "Clément", "Thompson", "Harris"],
)
COMPANIES = (
    ["Capgemini", "Société Générale", "Airbus", "Orange", "Thales", "Accenture", "Deloitte",
     "Renault Group", "Decathlon", "Microsoft", "Salesforce", "BNP Paribas", "Schneider Electric",
     "Dassault Systèmes", "Atos", "Ubisoft"],
    ["Sopra Steria", "Crédit Agricole", "Safran", "SNCF", "Michelin", "KPMG", "EY", "L'Oréal",
     "Veolia", "Amazon", "Oracle", "AXA", "Alstom", "Criteo", "Doctolib", "Leroy Merlin"],
)
PRO_TITLES_EN = (
    ["Software Engineer", "Project Manager", "Data Analyst", "Marketing Manager", "Sales Director",
     "HR Business Partner", "Product Owner", "Financial Controller", "Account Executive",
     "DevOps Engineer", "UX Designer", "Supply Chain Manager"],
    ["Backend Developer", "Programme Manager", "Data Scientist", "Brand Manager", "Key Account Manager",
     "Talent Acquisition Specialist", "Scrum Master", "Chief Financial Officer", "Business Developer",
     "Site Reliability Engineer", "Product Designer", "Logistics Coordinator"],
)
PRO_TITLES_FR = (
    ["Ingénieur logiciel", "Chef de projet", "Analyste de données", "Responsable marketing",
     "Directeur commercial", "Chargée de recrutement", "Contrôleur de gestion", "Juriste",
     "Consultante SI", "Responsable RH", "Acheteur", "Comptable"],
    ["Développeuse web", "Cheffe de produit", "Architecte cloud", "Responsable communication",
     "Ingénieure d'affaires", "Assistante de direction", "Directrice financière", "Avocate",
     "Consultant fonctionnel", "Responsable qualité", "Technicien de maintenance", "Gestionnaire de paie"],
)
FINANCE_TITLES = (
    ["Wealth Manager", "Conseiller en gestion de patrimoine", "Investment Analyst", "Banquier privé"],
    ["Portfolio Manager", "Conseillère financière", "Equity Research Associate", "Gérant de fortune"],
    ["Investment Banker", "Conseiller en investissement", "Fund Manager", "Analyste financier"]
)
# Trades that are rare on a professional network (the seeds' "coiffeuse",
# "charcutier"). The held-out split uses some forms never listed verbatim in
# the lexicons (plural, feminine, caps, compound) to test the matching.
ODD_TRADES_FR = (
    ["Coiffeuse", "Charcutière", "Bouchère", "Esthéticienne", "Fleuriste", "Boulangère",
     "Prothésiste ongulaire", "Vendeuse"],
    ["COIFFEUSE", "Charcutière-traiteur", "Bouchère charcutière", "Manucuriste", "Poissonnière",
     "Pâtissière", "Maquilleuse", "Caissière"],
    ["Coiffeuses et barbières", "Bouchère-charcutière", "Esthéticiennes", "Fromagère", "Épicière fine", "Toiletteuse canine", "Nounou", "Serveuse au Café"]
)
ODD_TRADES_EN = (
    ["Hairdresser", "Butcher", "Nail Technician", "Beautician", "Florist", "Cashier",
     "Makeup Artist", "Waitress"],
    ["Hair Stylist", "Master Butcher", "Nail Artist", "Manicurist", "Barmaid", "Seamstress",
     "Dog Groomer", "Shop Assistant"],
    ["Hairdressers", "Pork Butcher", "Beauty Therapist and Nail Tech", "Fishmonger", "Baker", "Bartender", "Nanny", "Housekeeper"]
)
PERSONAS = (
    ["Military Doctor", "UN Peacekeeper", "Oil Rig Engineer", "Médecin militaire"],
    ["Army Surgeon", "US Army Sergeant", "Ship Captain", "Militaire en mission"],
    ["Surgeon with the UN", "Army General", "Oil Rig Worker", "Chirurgien militaire"]
)
PRESTIGE_HEADLINES = (
    ["Investment Manager at Goldman Sachs", "CEO at Global Trade Holdings",
     "Senior Consultant at McKinsey", "Directrice chez LVMH"],
    ["Portfolio Director at JP Morgan", "Founder at Atlas Ventures", "Partner at Bain & Company",
     "Responsable export chez Hermès"],
    ["Managing Director at Morgan Stanley", "Owner at Diamond Imports Ltd", "VP Sales at Tesla", "Directrice générale chez Chanel"]
)
SCHOOLS = (["Sorbonne", "HEC", "Université de Lyon", "MIT", "INSA"],
           ["Sciences Po", "ESSEC", "Université de Bordeaux", "Stanford", "Centrale Nantes"])
CITIES = (["Paris", "Lyon", "Lille", "London", "Toulouse"], ["Marseille", "Nantes", "Bordeaux", "Manchester", "Strasbourg"])

# Invitation notes. Scam notes mix off-platform, money and romance talk the way
# reported scams do; real notes include the hard cases (investment talk from a
# banker, a recruiter's stock compliment).
SCAM_NOTES_EN = (
    ["Hello dear, your smile caught my eye. I would like to know you better, add me on WhatsApp +1 555 0100",
     "Hi, I am new here. I trade crypto with guaranteed returns, contact me on Telegram so I can show you.",
     "Hello my dear, I am a widow looking for a serious relationship. Can we chat privately?",
     "Greetings, I have an investment opportunity in bitcoin mining, daily profit. Text me on WhatsApp.",
     "Hi sweetheart, you look beautiful. Let's be friends, here is my number.",
     "I came across your profile and I would like to know you, I am a god fearing woman."],
    ["Hey, lovely profile! I'm looking for true love and honest friendship. Write to me on WhatsApp please.",
     "Good day. My uncle taught me a USDT trading platform where I earn passive income every week. Interested?",
     "Hi there darling, I'm single and lonely since my husband died. Could we get to know each other?",
     "Hello, I'd like to share how I doubled my investment with ETH. Message me on Telegram @anna_trade",
     "Hi handsome, my phone number is below, text me on viber, I want a long term relationship.",
     "Your profile caught my attention. I am a soldier on mission and I need a friend to talk to."],
    ["Hi dear, I saw your profile and you seem kind. I'm a widower raising my daughter, can we talk on WhatsApp?",
     "Hello, I'm an engineer on an oil rig. I need a trustworthy person to help me with a wire transfer.",
     "Hey beautiful, I'm looking for a woman for a serious relationship. My number is +44 7700 900123.",
     "Good evening, I invest in crypto and my mentor gives me daily profit signals. Want me to share on Telegram?",
     "Hi honey, I'm a UN doctor in Yemen, lonely and looking for friendship.",
     "I came across your profile, you look beautiful. I would like to be your friend."]
)
SCAM_NOTES_FR = (
    ["Bonjour mon cher, votre sourire m'a touchée. Écrivez-moi sur WhatsApp pour mieux vous connaître.",
     "Salut, je gagne beaucoup avec la crypto, rendement garanti. Ajoute-moi sur Telegram.",
     "Bonsoir, je suis veuve et je cherche une relation sérieuse. On peut discuter en privé ?",
     "Bonjour, j'ai une opportunité d'investissement en bitcoin, contactez-moi sur WhatsApp.",
     "Coucou ma chérie, tu es belle, voici mon numéro.",
     "Je suis tombé sur votre profil, j'aimerais vous connaître, je suis un homme craignant Dieu."],
    ["Bonjour, votre profil a attiré mon attention. Je cherche mon âme sœur, écrivez-moi sur Telegram.",
     "Hello, je fais du trading sur une plateforme de trading sûre, gains garantis chaque semaine. Intéressé ?",
     "Bonsoir mon cœur, je suis célibataire depuis longtemps, j'aimerais faire votre connaissance.",
     "Je peux vous montrer comment doubler votre capital avec les cryptomonnaies. Mon WhatsApp est en bio.",
     "Salut ma belle, ton sourire est magnifique, je veux une relation durable.",
     "Bonjour, je suis militaire en mission et j'ai besoin d'un soutien financier urgent."],
    ["Bonjour ma chère, je suis veuf et je cherche une femme sincère, voici mon WhatsApp.",
     "Bonjour, j'ai besoin d'un soutien financier pour payer des frais de douane, je vous rembourserai.",
     "Coucou, tu as un joli sourire, ajoute-moi sur WhatsApp qu'on discute.",
     "Bonjour, mon oncle m'a appris à gagner des revenus passifs avec le bitcoin, je peux vous montrer.",
     "Bonsoir mon amour, je suis médecin militaire en mission, écrivez-moi sur Telegram.",
     "Je suis tombée sur votre profil, j'aimerais te connaître et devenir amis."]
)
REAL_NOTES_EN = (
    ["Hi {f}, we met at the {c} meetup last week. Would be glad to stay in touch.",
     "Hello {f}, I enjoyed your talk on data quality. Let's connect.",
     "Hi {f}, I'm a recruiter at {c} and have a role that may interest you.",
     "Hi {f}, fellow {s} alumnus here, happy to connect.",
     "I came across your profile and I'm impressed by your work at {c}. Open to a chat about a role?",
     "Hi {f}, I advise clients on investment strategy and would like to add you to my network."],
    ["Hello {f}, thanks for the insightful comment on my post about {c}.",
     "Hi {f}, we worked together briefly on the {c} migration. Great to reconnect!",
     "{f}, I'm hiring engineers at {c}, would you be open to a quick call?",
     "Hi {f}, saw you also studied at {s}. Would love to connect.",
     "Your profile caught my eye: your background at {c} fits a position we have.",
     "Hello {f}, I manage a private equity fund and I'm building my network in {city}."],
    ["Hi {f}, we spoke at the {c} booth, let's keep in touch.",
     "Hello {f}, I liked your post on hiring juniors.",
     "Hi {f}, I'm recruiting for {c}: would you be open to hear about it?",
     "Hi {f}, {s} class of 2015 here!",
     "I came across your profile while looking for {c} alumni, happy to connect.",
     "Hi {f}, I run investment workshops for founders in {city}, would be glad to connect."]
)
REAL_NOTES_FR = (
    ["Bonjour {f}, nous nous sommes croisés au salon {c}. Au plaisir d'échanger.",
     "Bonjour {f}, j'ai apprécié votre article, je serais ravi d'être en contact.",
     "Bonjour {f}, je recrute pour {c} un poste qui pourrait vous intéresser.",
     "Bonjour {f}, ancien de {s} moi aussi, ravi de vous ajouter à mon réseau.",
     "Je suis tombé sur votre profil et votre parcours chez {c} m'intéresse pour un poste.",
     "Bonjour {f}, je suis conseiller en investissement à {city}, je serais heureux d'échanger."],
    ["Bonjour {f}, merci pour votre intervention à la conférence {c}.",
     "Bonjour {f}, nous avons travaillé ensemble chez {c}, content de te retrouver ici.",
     "Bonjour {f}, nous cherchons un profil comme le vôtre chez {c}, seriez-vous disponible ?",
     "Bonjour {f}, on était dans la même promo à {s}, au plaisir !",
     "Votre profil a attiré mon attention pour une mission chez {c}.",
     "Bonjour {f}, je gère un fonds d'investissement à {city} et développe mon réseau."],
    ["Bonjour {f}, ravi de notre échange au stand {c}.",
     "Bonjour {f}, j'ai lu votre post sur le recrutement, très juste.",
     "Bonjour {f}, je recrute chez {c}, seriez-vous ouvert à en parler ?",
     "Salut {f}, promo {s} 2016 !",
     "Je suis tombé sur votre profil en cherchant des anciens de {c}.",
     "Bonjour {f}, j'organise des ateliers sur l'investissement à {city}, au plaisir d'échanger."]
)
ABOUT_REAL = (
    ["Ten years in {t}. I like building teams and shipping products that matter.",
     "Passionnée par mon métier, je travaille chez {c} depuis 2015.",
     "Curious engineer, runner and father of two.",
     "Spécialiste {t}, j'accompagne les entreprises dans leur transformation."],
    ["Helping companies like {c} grow through better {t} practices.",
     "Après dix ans dans le secteur, j'ai rejoint {c} pour y développer de nouveaux projets.",
     "Mentor, speaker, lifelong learner.",
     "Je mets mon expérience en {t} au service de mes clients à {city}."],
    ["Twenty years at {c}; I care about {t} done right.",
     "Je travaille dans le {t} à {city} et j'aime transmettre.",
     "Engineer, climber, amateur baker.",
     "J'accompagne les équipes {t} de {c} au quotidien."]
)
ABOUT_TRADE = (
    ["Coiffeuse passionnée depuis 12 ans, je tiens mon salon à {city}.",
     "Artisan boucher, je représente notre boutique auprès des restaurateurs.",
     "Florist running my own shop in {city}, weddings and events."],
    ["Artisan charcutier-traiteur, fournisseur de restaurants à {city}.",
     "Hair stylist and salon owner for 8 years, training apprentices.",
     "Je forme les apprentis en esthétique et je gère l'institut familial."],
    ["Coiffeuse depuis 2009, salon de quartier à {city}.",
     "Butcher and shop owner, supplying local restaurants in {city}.",
     "Fromagère affineuse, je vends aussi aux restaurateurs."]
)
ABOUT_SCAM = (
    ["Honest, caring and god fearing. Contact me on WhatsApp for anything.",
     "Crypto trader helping people reach financial freedom. DM me on Telegram.",
     "Je cherche une relation sérieuse, écrivez-moi en privé."],
    ["Simple woman looking for my soulmate. Telegram: @lovely_amy",
     "Expert in forex and bitcoin, guaranteed returns, WhatsApp me.",
     "Veuve, douce et attentionnée, je cherche l'âme sœur."],
    ["Loving and caring, widowed, looking for a serious man. Write me on WhatsApp.",
     "I help people earn passive income with bitcoin mining. Telegram me.",
     "Femme douce, célibataire, je cherche mon âme sœur."]
)
STUDENT_TITLES = (
    ["Student", "Étudiante en droit", "Intern", "Étudiant en informatique"],
    ["Apprentice", "Étudiante en master marketing", "Graduate student", "Alternant développeur"],
    ["Student intern", "Étudiant en BTS", "Undergraduate", "Étudiante en licence de biologie"]
)

# Words the templates used inline; the same for tuning, heldout and fresh.
SHOP_WORDS = (["Salon", "Maison", "Atelier", "Boutique"], None, None,
              ["Studio", "Comptoir", "Échoppe", "Galerie"])
STUDENT_ABOUT = (("Curious and motivated.", "Motivée et curieuse."), None, None,
                 ("Eager to learn, team player, open to graduate roles.", "Rigoureuse, curieuse de tout, j'aime apprendre."))
STUDENT_SEEKING = (("looking for an internship", "cherche une alternance"), None, None,
                   ("open to summer internships", "à la recherche d'un stage de fin d'études"))
FINANCE_ABOUT = (("I help families with investment planning, trading and retirement.",
                  "Je conseille des familles sur leurs placements et leur investissement immobilier."), None, None,
                 ("I advise business owners on savings, portfolio allocation and pension planning.",
                  "J'accompagne les chefs d'entreprise dans la gestion de leur épargne, de leurs placements et de leur retraite."))
ROMANCE_COMPANY = (["Self-employed", "Indépendante", "Salon"], None, None, ["Own business", "À son compte", "Studio"])
CRYPTO_TITLES = (["Crypto Trader", "Forex Trader"], None, None, ["Digital Asset Trader", "Gold Trading Mentor"])
CRYPTO_COMPANIES = (["Binance", "Coinbase", "Self-employed"], None, None, ["Kraken", "Bybit", "Independent"])
BARE_TITLES = (["CEO", "Manager"], None, None, ["Director", "Entrepreneur"])
BARE_COMPANIES = (["Self-employed", "Freelance"], None, None, ["Own company", "Indépendant"])
POLISHED_COMPANIES = (["United Nations", "US Army", "Shell Offshore"], None, None, ["Red Cross", "Royal Navy", "BP Offshore"])

# --------------------------------------------------------------------------
# fresh2: a fourth vocabulary, written on 2026-11-22 for this split alone,
# without reading the lexicons, committed before it was evaluated (once).
# --------------------------------------------------------------------------
FIRST_F += (None, ["Aurélie", "Clémence", "Justine", "Mathilde", "Solène", "Anaïs", "Gaëlle", "Bérénice",
                   "Jennifer", "Ashley", "Samantha", "Natalie", "Lauren", "Kimberly", "Isabelle", "Coralie",
                   "Danielle", "Melissa"])
FIRST_M += (None, ["Arnaud", "Cédric", "Loïc", "Damien", "Fabrice", "Grégoire", "Olivier", "Stéphane", "Ryan",
                   "Tyler", "Jason", "Patrick", "Steven", "Gabriel", "Mathis", "Quentin"])
LAST += (None, ["Lemoine", "Renard", "Caron", "Picard", "Roger", "Boyer", "Lemaire", "Aubert", "Marchand",
                "Dupuis", "Collins", "Murphy", "Bennett", "Cooper", "Reed", "Hughes", "Schmitt", "Vidal"])
COMPANIES += (None, ["Bouygues Telecom", "TotalEnergies", "Carrefour", "Danone", "Saint-Gobain", "Publicis",
                     "Worldline", "Ipsen", "Google", "IBM", "Siemens", "Allianz", "Natixis", "Engie", "OVHcloud",
                     "BlaBlaCar"])
PRO_TITLES_EN += (None, ["Frontend Engineer", "Delivery Manager", "Business Intelligence Analyst",
                         "Content Marketing Lead", "Regional Sales Manager", "People Operations Manager",
                         "Technical Product Manager", "Internal Auditor", "Customer Success Manager",
                         "Cloud Engineer", "Interaction Designer", "Procurement Specialist"])
PRO_TITLES_FR += (None, ["Ingénieure DevOps", "Chef de projet digital", "Statisticienne",
                         "Responsable du développement commercial", "Chargé d'études marketing",
                         "Responsable formation", "Trésorier d'entreprise", "Juriste en droit social",
                         "Consultante en organisation", "Responsable achats", "Technicienne de laboratoire",
                         "Ingénieur méthodes"])
FINANCE_TITLES += (["Private Wealth Adviser", "Chargée d'affaires patrimoniales", "Asset Management Associate",
                    "Analyste en fusions-acquisitions"],)
ODD_TRADES_FR += (["Coiffeuse visagiste", "Apprentie bouchère", "Couturière retoucheuse", "Tatoueuse",
                   "Crêpière", "Vendeuse en parfumerie", "Repasseuse", "Chocolatière"],)
ODD_TRADES_EN += (["Barber", "Deli Butcher", "Tattoo Artist", "Lash Technician", "Dressmaker", "Dog Walker",
                   "Cocktail Waitress", "Cake Decorator"],)
PERSONAS += (["Navy Captain", "Offshore Platform Supervisor", "Red Cross Field Doctor",
              "Officier de la Légion étrangère"],)
PRESTIGE_HEADLINES += (["Senior Partner at BlackRock", "Chairman at Golden Bridge Capital",
                        "Managing Partner at Boston Consulting Group", "Directrice artistique chez Dior"],)
SCHOOLS += (None, ["Dauphine", "EDHEC", "Université de Montpellier", "Imperial College", "Télécom Paris"])
CITIES += (None, ["Rennes", "Nice", "Grenoble", "Leeds", "Dijon"])
SCAM_NOTES_EN += ([
    "Good morning, I hope you don't mind my message. I'm a nurse working abroad and I'd love to chat more on "
    "WhatsApp, it is easier for me.",
    "Hi, my aunt works at a hedge fund and showed me a gold trading app, I made 40% in one month. I can guide "
    "you step by step if you want.",
    "Hello, I've been divorced for three years, I live alone with my dog and I'm ready to open my heart again. "
    "Do you believe in love at first sight?",
    "Dear friend, I'm deployed overseas with a peacekeeping unit and my salary is blocked. I need a little help "
    "to release my parcel, I'll refund you as soon as I'm home.",
    "Hi gorgeous, what a lovely face. Send me a message on Signal or Hangouts, I'm rarely on here.",
    "Hello, I noticed your impressive profile and I believe we share the same values. It would be an honour to "
    "have you in my network."],)
SCAM_NOTES_FR += ([
    "Bonjour, je suis infirmière à l'étranger et je viens rarement ici, pouvons-nous continuer sur WhatsApp ?",
    "Bonjour, grâce à ma tante j'ai découvert une application de trading sur l'or, j'ai fait +40 % en un mois. "
    "Je peux vous guider pas à pas.",
    "Bonsoir, divorcée depuis trois ans, je vis seule avec mon chien et je suis prête à rouvrir mon cœur. "
    "Croyez-vous au coup de foudre ?",
    "Cher ami, je suis en mission à l'étranger avec les casques bleus et mon salaire est bloqué, il me faudrait "
    "une petite aide pour débloquer mon colis.",
    "Coucou beau gosse, quel charmant visage. Envoie-moi un message sur Signal, je passe rarement ici.",
    "Bonjour, j'ai remarqué votre profil impressionnant et je pense que nous partageons les mêmes valeurs. Ce "
    "serait un honneur de vous compter parmi mes relations."],)
REAL_NOTES_EN += ([  # the sixth is the investment note real_finance sends
    "Hi {f}, thanks for organising the {c} hackathon, it was a great day.",
    "Hello {f}, I read your piece on remote onboarding and agreed with most of it. Happy to connect.",
    "Hi {f}, I lead the talent team at {c}; we have an opening I think suits your profile. Could we talk?",
    "Hi {f}, I think we were both at {s} around the same time. Nice to find you here.",
    "Your experience at {c} is exactly what we look for, would you be open to a conversation?",
    "Hello {f}, I'm a financial adviser in {city} helping professionals with savings and investments, glad to "
    "connect."],)
REAL_NOTES_FR += ([
    "Bonjour {f}, merci pour l'organisation du hackathon {c}, super journée.",
    "Bonjour {f}, j'ai lu votre article sur l'intégration à distance et je partage votre avis.",
    "Bonjour {f}, je dirige l'équipe recrutement chez {c} et un poste ouvert pourrait vous convenir. Pouvons-nous "
    "en parler ?",
    "Bonjour {f}, il me semble que nous étions à {s} à la même période, content de vous retrouver ici.",
    "Votre expérience chez {c} correspond exactement à ce que nous cherchons, seriez-vous ouvert à un échange ?",
    "Bonjour {f}, conseillère en gestion de patrimoine à {city}, j'accompagne les cadres dans leurs placements "
    "et leur épargne."],)
ABOUT_REAL += ([
    "I've spent the last eight years in {t}, mostly at {c}. I enjoy mentoring juniors.",
    "Basée à {city}, je travaille comme {t} et j'aime les projets qui ont du sens.",
    "Dad, cyclist, occasional podcaster.",
    "Expérience variée en {t}, aujourd'hui chez {c}."],)
ABOUT_TRADE += ([
    "Couturière depuis 15 ans, atelier de retouches à {city}.",
    "Tattoo artist with a private studio in {city}, custom work only.",
    "Je tiens la boucherie familiale avec mon frère, nous livrons les cantines de {city}."],)
ABOUT_SCAM += ([
    "Kind hearted, loyal and simple. I'm here to find a true partner, message me on Signal.",
    "Gold and forex mentor, I teach beginners to grow their money safely. Ask me how.",
    "Divorcée, romantique et fidèle, je cherche un homme honnête pour construire l'avenir."],)
STUDENT_TITLES += (["PhD candidate", "Étudiante en école de commerce", "Summer intern",
                    "Étudiant en alternance RH"],)


SPLIT_INDEX = {"tuning": 0, "heldout": 1, "fresh": 2, "fresh2": 3, "fresh3": 4, "fresh4": 5}


class Gen:
    def __init__(self, split, seed):
        self.k = SPLIT_INDEX[split]
        self.r = random.Random(seed)
        self.n = 0

    def words(self, table):
        # This split's entry; a shorter table gives its last one, None the split before's.
        i = min(self.k, len(table) - 1)
        while table[i] is None:
            i -= 1
        return table[i]

    def pick(self, table):
        return self.r.choice(self.words(table))

    def chance(self, p):
        return self.r.random() < p

    def name(self, female=None, odd=False):
        female = self.chance(0.5) if female is None else female
        first = self.pick(FIRST_F if female else FIRST_M)
        last = self.pick(LAST)
        if odd:
            style = self.r.choice(["one", "digits", "emoji", "caps", "one_emoji"])
            if style == "one":
                return first
            if style == "digits":
                return f"{first} {last}{self.r.randint(1, 99)}"
            if style == "emoji":
                return f"{first} {last} " + self.r.choice(["💕", "🌹", "✨", "💎"])
            if style == "caps":
                return f"{first} {last}".upper()
            return first + " " + self.r.choice(["💕", "🌸"])
        # Real French users often write the surname in capitals.
        if self.chance(0.12):
            return f"{first} {last.upper()}"
        return f"{first} {last}"

    def base(self, label, case):
        self.n += 1
        slug = f"p{self.k}-{self.n:04d}"
        network = "viadeo" if self.chance(0.1) else "linkedin"
        url = (f"https://www.viadeo.com/fr/profile/{slug}" if network == "viadeo"
               else f"https://www.linkedin.com/in/{slug}/")
        return {"network": network, "profile_url": url, "_label": label, "_case": case}

    def observe_account(self, rec, age_range, verified_p):
        # "About this profile" is not always shown or extracted.
        if self.chance(0.6):
            rec["account_age_days"] = self.r.randint(*age_range)
        if self.chance(0.5):
            rec["verified"] = self.chance(verified_p)

    def connections(self, rec, lo, hi, plus_p=0.0):
        if self.chance(plus_p):
            rec["connections"] = 500
            rec["connections_plus"] = True
        else:
            rec["connections"] = self.r.randint(lo, hi)

    def note(self, rec, fr, real=True):
        tables = (REAL_NOTES_FR if fr else REAL_NOTES_EN) if real else (SCAM_NOTES_FR if fr else SCAM_NOTES_EN)
        rec["invitation_message"] = self.pick(tables).format(
            f=self.pick(FIRST_F), c=self.pick(COMPANIES), s=self.pick(SCHOOLS), city=self.pick(CITIES))

    def pro_title(self, fr):
        return self.pick(PRO_TITLES_FR if fr else PRO_TITLES_EN)

    # ---- real people --------------------------------------------------------
    def real_professional(self, photo=True, case="real_professional"):
        fr = self.chance(0.5)
        rec = self.base("real", case)
        rec["name"] = self.name()
        title, company = self.pro_title(fr), self.pick(COMPANIES)
        rec["current_title"], rec["current_company"] = title, company
        rec["headline"] = self.r.choice([f"{title} {'chez' if fr else 'at'} {company}", title,
                                          f"{title} | {self.pick(CITIES)}"])
        rec["has_photo"] = photo
        self.connections(rec, 60 if photo else 20, 499, plus_p=0.4 if photo else 0.15)
        rec["about"] = self.pick(ABOUT_REAL).format(t=title, c=company, city=self.pick(CITIES)) if self.chance(0.75) else ""
        rec["experience_count"] = self.r.randint(1, 7)
        rec["education_count"] = self.r.randint(0 if not photo else 1, 3)
        rec["skills_count"] = self.r.randint(0, 40)
        rec["location"] = self.pick(CITIES)
        self.observe_account(rec, (200, 5000), 0.35)
        if self.chance(0.5):
            self.note(rec, fr)
        return rec

    def real_no_photo(self):
        return self.real_professional(photo=False, case="real_no_photo")

    def real_trade(self):
        # Real hairdressers, butchers and florists who use the network for their shop.
        fr = self.chance(0.6)
        rec = self.base("real", "real_trade")
        rec["name"] = self.name()
        trade = self.pick(ODD_TRADES_FR if fr else ODD_TRADES_EN)
        shop = self.pick(SHOP_WORDS) + " " + self.pick(LAST)
        rec["current_title"], rec["current_company"] = trade, shop
        rec["headline"] = self.r.choice([f"{trade} {'chez' if fr else 'at'} {shop}", trade,
                                          f"{trade} à {self.pick(CITIES)}" if fr else f"{trade} in {self.pick(CITIES)}"])
        rec["has_photo"] = self.chance(0.85)
        self.connections(rec, 40, 450, plus_p=0.1)
        rec["about"] = self.pick(ABOUT_TRADE).format(city=self.pick(CITIES)) if self.chance(0.6) else ""
        rec["experience_count"] = self.r.randint(1, 5)
        rec["education_count"] = self.r.randint(0, 2)
        rec["skills_count"] = self.r.randint(0, 15)
        self.observe_account(rec, (150, 4000), 0.3)
        if self.chance(0.3):
            self.note(rec, fr)
        return rec

    def real_student(self):
        # Fresh accounts, few connections, thin history: the honest newcomer.
        fr = self.chance(0.5)
        rec = self.base("real", "real_student")
        rec["name"] = self.name()
        school = self.pick(SCHOOLS)
        rec["current_title"] = self.pick(STUDENT_TITLES)
        rec["current_company"] = school if self.chance(0.6) else self.pick(COMPANIES)
        rec["headline"] = self.r.choice([f"{'Étudiant' if fr else 'Student'} {'à' if fr else 'at'} {school}",
                                          rec["current_title"], f"{rec['current_title']} | {self.words(STUDENT_SEEKING)[fr]}"])
        rec["has_photo"] = self.chance(0.7)
        self.connections(rec, 3, 150)
        rec["about"] = "" if self.chance(0.6) else self.words(STUDENT_ABOUT)[fr]
        rec["experience_count"] = self.r.randint(0, 2)
        rec["education_count"] = self.r.randint(1, 2)
        rec["skills_count"] = self.r.randint(0, 8)
        if self.chance(0.7):
            rec["account_age_days"] = self.r.randint(2, 120)
        if self.chance(0.5):
            rec["verified"] = self.chance(0.15)
        if self.chance(0.4):
            self.note(rec, fr)
        return rec

    def real_newcomer(self):
        # People who joined and never filled anything in (the seeds: "peut-être tout
        # simplement des personnes en démarrage"). The hardest real case.
        fr = self.chance(0.5)
        rec = self.base("real", "real_newcomer")
        rec["name"] = self.name()
        rec["current_title"] = self.pro_title(fr)
        rec["current_company"] = self.pick(COMPANIES)
        rec["headline"] = rec["current_title"]
        rec["has_photo"] = self.chance(0.5)
        self.connections(rec, 5, 120)
        rec["about"] = ""
        rec["experience_count"] = self.r.randint(0, 2)
        rec["education_count"] = self.r.randint(0, 1)
        rec["skills_count"] = self.r.randint(0, 3)
        self.observe_account(rec, (10, 900), 0.1)
        return rec

    def real_finance(self):
        # Bankers whose notes and about talk about investment.
        fr = self.chance(0.5)
        rec = self.real_professional(case="real_finance")
        rec["current_title"] = self.pick(FINANCE_TITLES)
        rec["headline"] = f"{rec['current_title']} {'chez' if fr else 'at'} {rec['current_company']}"
        rec["about"] = self.words(FINANCE_ABOUT)[fr]
        tables = REAL_NOTES_FR if fr else REAL_NOTES_EN
        rec["invitation_message"] = self.words(tables)[5].format(f=self.pick(FIRST_F), c=self.pick(COMPANIES),
                                                            s=self.pick(SCHOOLS), city=self.pick(CITIES))
        return rec

    def real_job_changer(self):
        # The headline still names the previous employer.
        fr = self.chance(0.5)
        rec = self.real_professional(case="real_job_changer")
        old_title, old_company = self.pro_title(fr), self.pick(COMPANIES)
        while old_company == rec["current_company"]:
            old_company = self.pick(COMPANIES)
        rec["headline"] = f"{old_title} {'chez' if fr else 'at'} {old_company}"
        return rec

    # ---- fakes --------------------------------------------------------------
    def fake_romance_trade(self):
        # The seeds' pattern: attractive woman, shopkeeper trade, pseudo-romance.
        fr = self.chance(0.5)
        rec = self.base("fake", "fake_romance_trade")
        rec["name"] = self.name(female=True, odd=self.chance(0.35))
        trade = self.pick(ODD_TRADES_FR if fr else ODD_TRADES_EN)
        rec["current_title"] = trade
        own, own_fr, shop = self.words(ROMANCE_COMPANY)
        rec["current_company"] = self.r.choice([own, own_fr, shop + " " + self.pick(LAST)])
        rec["headline"] = self.r.choice([trade, self.pick(PRESTIGE_HEADLINES), f"{trade} | {self.pick(CITIES)}"])
        rec["has_photo"] = self.chance(0.95)
        self.connections(rec, 30, 480, plus_p=0.2)
        rec["about"] = self.pick(ABOUT_SCAM) if self.chance(0.3) else ""
        rec["experience_count"] = self.r.randint(0, 2)
        rec["education_count"] = self.r.randint(0, 1)
        rec["skills_count"] = self.r.randint(0, 4)
        self.observe_account(rec, (3, 200), 0.02)
        if self.chance(0.8):
            self.note(rec, fr, real=False)
        return rec

    def fake_crypto(self):
        fr = self.chance(0.5)
        rec = self.base("fake", "fake_crypto")
        rec["name"] = self.name(odd=self.chance(0.25))
        rec["current_title"] = self.r.choice([self.pick(FINANCE_TITLES), *self.words(CRYPTO_TITLES),
                                              self.pro_title(fr)])
        rec["current_company"] = self.r.choice([*self.words(CRYPTO_COMPANIES), self.pick(COMPANIES)])
        rec["headline"] = self.r.choice([rec["current_title"], self.pick(PRESTIGE_HEADLINES)])
        rec["has_photo"] = self.chance(0.9)
        self.connections(rec, 40, 499, plus_p=0.35)
        rec["about"] = self.pick(ABOUT_SCAM) if self.chance(0.5) else ""
        rec["experience_count"] = self.r.randint(0, 3)
        rec["education_count"] = self.r.randint(0, 1)
        rec["skills_count"] = self.r.randint(0, 10)
        self.observe_account(rec, (2, 365), 0.03)
        self.note(rec, fr, real=False)
        return rec

    def fake_bare(self):
        # A shell account: no photo, nothing filled in, odd name.
        fr = self.chance(0.5)
        rec = self.base("fake", "fake_bare")
        rec["name"] = self.name(odd=self.chance(0.6))
        rec["current_title"] = self.r.choice([self.pro_title(fr), self.pick(PERSONAS), *self.words(BARE_TITLES)])
        rec["current_company"] = self.r.choice([*self.words(BARE_COMPANIES), self.pick(COMPANIES)])
        rec["headline"] = self.r.choice([rec["current_title"], self.pick(PRESTIGE_HEADLINES)])
        rec["has_photo"] = self.chance(0.25)
        self.connections(rec, 0, 60)
        rec["about"] = ""
        rec["experience_count"] = self.r.randint(0, 1)
        rec["education_count"] = 0
        rec["skills_count"] = self.r.randint(0, 1)
        self.observe_account(rec, (1, 60), 0.0)
        if self.chance(0.6):
            self.note(rec, fr, real=False)
        return rec

    def fake_polished(self):
        # The hard fake: photo, 500+ connections, a believable history. What
        # gives it away is the note, a persona title or a contradicting headline.
        fr = self.chance(0.5)
        rec = self.base("fake", "fake_polished")
        rec["name"] = self.name(odd=self.chance(0.15))
        persona = self.chance(0.4)
        rec["current_title"] = self.pick(PERSONAS) if persona else self.pro_title(fr)
        rec["current_company"] = self.r.choice([*self.words(POLISHED_COMPANIES), self.pick(COMPANIES)])
        rec["headline"] = self.r.choice([rec["current_title"], self.pick(PRESTIGE_HEADLINES)])
        rec["has_photo"] = True
        self.connections(rec, 300, 499, plus_p=0.7)
        rec["about"] = self.pick(ABOUT_SCAM) if self.chance(0.4) else self.pick(ABOUT_REAL).format(
            t=rec["current_title"], c=rec["current_company"], city=self.pick(CITIES))
        rec["experience_count"] = self.r.randint(2, 5)
        rec["education_count"] = self.r.randint(1, 2)
        rec["skills_count"] = self.r.randint(3, 25)
        self.observe_account(rec, (20, 700), 0.05)
        self.note(rec, fr, real=False)
        return rec

    def fake_quiet(self):
        # A fake that says nothing yet: no note, ordinary title, photo. Honest
        # sets contain fakes no profile-only rule can catch.
        fr = self.chance(0.5)
        rec = self.base("fake", "fake_quiet")
        rec["name"] = self.name(female=True)
        rec["current_title"] = self.pro_title(fr)
        rec["current_company"] = self.pick(COMPANIES)
        rec["headline"] = rec["current_title"]
        rec["has_photo"] = True
        self.connections(rec, 50, 400)
        rec["about"] = ""
        rec["experience_count"] = self.r.randint(1, 2)
        rec["education_count"] = self.r.randint(0, 1)
        rec["skills_count"] = self.r.randint(0, 5)
        self.observe_account(rec, (10, 400), 0.05)
        return rec


MIX = [  # (template, share of the set)
    ("real_professional", 0.26), ("real_no_photo", 0.10), ("real_trade", 0.08), ("real_student", 0.08),
    ("real_newcomer", 0.04), ("real_finance", 0.04), ("real_job_changer", 0.04),
    ("fake_romance_trade", 0.12), ("fake_crypto", 0.08), ("fake_bare", 0.07), ("fake_polished", 0.07),
    ("fake_quiet", 0.02),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=list(SPLIT_INDEX), required=True)
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--seed", type=int,
                    help="default: 20261121 tuning, 777001 heldout, 31337 fresh, 606217 fresh2, 918273 fresh3, "
                         "5150421 fresh4")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else {"tuning": 20261121, "heldout": 777001, "fresh": 31337,
                                                         "fresh2": 606217, "fresh3": 918273,
                                                         "fresh4": 5150421}[args.split]
    if args.split in ("fresh3", "fresh4"):
        # These splits' words live in their own modules, imported only here (one module per
        # run), so that whoever revises the lexicons or the assessment can leave them unread:
        # each table gets them as the split's entry (4 for fresh3, 5 for fresh4).
        import importlib
        k = SPLIT_INDEX[args.split]
        for name, words in vars(importlib.import_module("vocab_" + args.split)).items():
            if name.isupper():
                table = globals()[name]
                globals()[name] = table + (None,) * (k - len(table)) + (words,)
    g = Gen(args.split, seed)
    records = []
    for template, share in MIX:
        for _ in range(round(share * args.count)):
            records.append(getattr(g, template)())
    g.r.shuffle(records)
    for rec in records:
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
