"""Word pools and a prose generator for realistic benchmark journals.

Everything is drawn from a seeded `random.Random`, so a seed gives the same journal every time.
Words are picked with Zipf-like weights (a few words are common, most are rare), as in real
notes, so a word-index search over the generated text has realistic posting-list sizes.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def _words(text: str) -> list[str]:
    return text.split()


def _items(text: str) -> list[str]:
    """Items separated by |, over as many lines as needed."""
    return text.replace("\n", "").split("|")


FIRST_NAMES = _words("""
Anna Ann Lea Sophie Emma Mia Hannah Lena Laura Julia Clara Charlotte Amélie Léa Chloé Manon
Camille Inès Zoé Élodie Margaux Océane Lucía María Sofía Martina Paula Valentina Carmen Pilar
Giulia Chiara Francesca Alessia Beatrice Federica Ilaria João Tomás Inês Beatriz Mariana
Jürgen Jörg Björn Sören Günter Uwe Klaus Stefan Matthias Tobias Florian Lukas Felix Jonas
Maximilian Niklas Moritz René Théo Hugo Louis Gabriel Raphaël Étienne Benoît François Jérôme
Mathéo Alejandro Javier Andrés Sebastián Martín Álvaro Iñaki Marco Luca Matteo Lorenzo Davide
Niccolò Giacomo Pietro Oliver James William Henry George Thomas Jack Harry Charles Edward
Michael David Daniel Robert Sarah Emily Olivia Grace Rachel Megan Jessica Katherine Siobhán
Aoife Niamh Ciarán Seán Pádraig Eoin Lars Anders Erik Nils Magnus Øystein Åsa Ingrid Astrid
Sigrid Linnéa Freja Mikael Henrik Jussi Mikko Aino Eeva Piotr Paweł Michał Krzysztof Łukasz
Agnieszka Małgorzata Zofia Katarzyna Tomáš Jiří Petr Lucie Tereza Ondřej Mehmet Ayşe Emre
Elif Zeynep Burak Can Deniz Ahmed Mohammed Omar Fatima Layla Yusuf Karim Nadia Rania Samir
Priya Ananya Aarav Vikram Rahul Sanjay Deepa Kavya Arjun Rohan Meera Lakshmi Wei Li Ming
Jing Xin Hao Yan Lei Fang Jun Haruto Yuki Sakura Hiroshi Kenji Aiko Takeshi Yui Ren Min-jun
Seo-yeon Ji-woo Hyun-woo Jae-won Minh Linh Thảo Quang Chioma Emeka Ngozi Oluwaseun Adaeze
Chinedu Wanjiru Kamau Achieng Otieno Amara Kofi Ama Dimitris Eleni Giorgos Katerina Nikos
Sanne Daan Bram Femke Joost Maarten Anouk Ruud Kaan Yara Tariq Noor Leila Mateus Gustavo
Rafael Thiago Larissa Camila Valéria Renée Noémie Zoë Maël Anaïs
""")

# Multi-word surnames are written with "_" for a space.
_LAST_NAMES = """
Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer
Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange
Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefèvre
Michel Garcia Fontaine Rousseau Girard Bonnet Dupont Lambert Faure Mercier Blanc Guérin
González Rodríguez Fernández López Martínez Sánchez Pérez Gómez Díaz Hernández Álvarez
Jiménez Ruiz Moreno Muñoz Romero Navarro Rossi Russo Ferrari Esposito Bianchi Romano Colombo
Ricci Marino Greco Bruno Gallo Conti De_Luca Mancini Costa Giordano Silva Santos Ferreira
Pereira Oliveira Rodrigues Almeida Carvalho Gonçalves Sousa Smith Johnson Williams Brown Jones
Miller Davis Wilson Anderson Taylor Moore Jackson White Harris Clark Lewis Walker Hall Young
Allen King Wright Scott Green Baker Adams Nelson Hill Campbell O'Neil O'Brien Murphy Kelly
Byrne Ryan Walsh Ó_Súilleabháin MacLeod Andersson Johansson Karlsson Nilsson Eriksson Larsson
Olsen Hansen Jensen Nielsen Pedersen Sørensen Halvorsen Virtanen Korhonen Mäkinen Nieminen
Kowalski Nowak Wiśniewski Wójcik Kamiński Lewandowski Zieliński Szymański Dvořák Novák
Svoboda Černý Procházka Yılmaz Kaya Demir Şahin Çelik Öztürk Aydın Haddad Khalil Mansour
Nasser Hassan Saleh Farouk Patel Sharma Singh Gupta Iyer Reddy Nair Menon Chatterjee Banerjee
Kapoor Desai Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Tanaka Suzuki Takahashi
Watanabe Itō Yamamoto Nakamura Kobayashi Saitō Katō Kim Lee Park Choi Jung Kang Cho Yoon
Nguyễn Trần Lê Phạm Hoàng Okafor Okonkwo Adeyemi Balogun Eze Mwangi Odhiambo Kamau Njoroge
Mensah Boateng Asante Papadopoulos Georgiou Nikolaidis Dimitriou de_Vries Jansen van_Dijk
Bakker Visser Smit Meijer de_Jong van_den_Berg Mulder Costa Barbosa Ribeiro Araújo Lima
"""
LAST_NAMES = [name.replace("_", " ") for name in _words(_LAST_NAMES)]

DEPARTMENTS = [
    "Sales", "Marketing", "Finance", "Procurement", "Logistics", "Operations", "Engineering",
    "Research & Development", "IT", "Human Resources", "Legal", "Customer Success",
    "Product Management", "Quality", "Manufacturing", "Supply Chain", "Strategy",
    "Communications", "Data & Analytics", "Sustainability",
]  # fmt: skip

ROLES_BY_INFLUENCE = {
    0: ["Analyst", "Specialist", "Engineer", "Coordinator", "Associate", "Technician",
        "Consultant", "Planner", "Assistant", "Developer", "Designer", "Buyer"],
    1: ["Team Lead", "Senior Engineer", "Project Manager", "Account Manager", "Senior Buyer",
        "Category Manager", "Product Owner", "Senior Consultant", "Key Account Manager",
        "Program Manager", "Principal Engineer", "Senior Analyst"],
    2: ["Head of {dept}", "Director of {dept}", "Senior Manager, {dept}", "{dept} Director",
        "Regional Director", "General Manager", "Head of {dept} Europe", "Plant Manager"],
    3: ["VP {dept}", "Chief Operating Officer", "Chief Executive Officer", "Chief Financial Officer",
        "Chief Technology Officer", "Managing Director", "Executive Vice President",
        "Chief Procurement Officer", "Chief Digital Officer", "Board Member"],
}  # fmt: skip

PERSON_KINDS_WEIGHTED = [
    ("internal", 35), ("customer", 20), ("supplier", 15), ("expert", 15), ("journalist", 5),
    ("other", 10),
]  # fmt: skip

OWN_ORG = "Northwind Group"

COMPANY_HEADS = _words("""
Acme Contoso Fabrikam Tailspin Adatum Litware Proseware Wingtip Alpine Baltic Nordic Helvetia
Iberia Lusitania Danube Rhine Atlas Orion Vega Sirius Polaris Zenith Apex Summit Pinnacle
Meridian Horizon Cobalt Quartz Granite Cedar Maple Aspen Willow Falcon Kestrel Osprey Heron
Lynx Otter Bison Mistral Sirocco Boreal Auster Solaris Lumen Vertex Vector Kinetic Dynamo
Tectum Ferrum Aurum Argentum Novum Optima Prima Tempus Fortis Celer Velox Brightwater
Stonebridge Redwood Bluefin Greenfield Ironclad Silverline Goldcrest Blackthorn Whitecap
""")
COMPANY_TAILS = _words("""
Logistics Robotics Systems Industries Group Holdings Technologies Labs Analytics Foods
Pharma Energy Solar Wind Mobility Freight Packaging Materials Plastics Textiles Retail Foods
Automation Software Networks Components Electronics Sensors Chemicals Metals Machinery
Consulting Partners Ventures Capital Health Medical Devices Aerospace Marine Rail Storage
""")
COMPANY_FORMS = ["", "", "", " AG", " GmbH", " SA", " S.p.A.", " Ltd", " Inc.", " BV", " AB", " Oy"]

UNIVERSITIES = [
    "TU München", "ETH Zürich", "Politecnico di Milano", "Université de Lyon", "KTH Stockholm",
    "TU Delft", "RWTH Aachen", "Universidad Politécnica de Madrid", "Imperial College London",
    "MIT", "Fraunhofer IML", "INSEAD", "Universidade de São Paulo", "KU Leuven", "EPFL",
    "Aalto University", "Jagiellonian University", "University of Tokyo", "Tsinghua University",
    "IIT Bombay", "Technion", "Sciences Po", "HEC Paris", "IESE", "Bocconi",
]  # fmt: skip
PUBLICATIONS = [
    "Logistik Heute", "Supply Chain Dive", "Handelsblatt", "Les Échos", "Financial Times",
    "The Economist", "Wired", "Il Sole 24 Ore", "El País", "DVZ", "Automation World",
    "Modern Materials Handling", "TechCrunch", "Heise", "Le Monde", "Frankfurter Allgemeine",
    "Nikkei Asia", "Reuters", "Bloomberg", "The Loadstar", "Süddeutsche Zeitung",
]  # fmt: skip

INTERESTS = _items("""
offshore sailing|road cycling|trail running|marathons|bouldering|alpine skiing|ski touring|
jazz piano|classical guitar|choir singing|opera|vinyl records|photography|street photography|
birdwatching|gardening|beekeeping|sourdough baking|craft beer|natural wine|whisky|espresso|
Italian cooking|Japanese cuisine|barbecue|chess|Go|board games|crossword puzzles|sci-fi novels|
crime fiction|history podcasts|Roman history|astronomy|amateur radio|drones|3D printing|
woodworking|vintage cars|motorcycles|Formula 1|football|rugby|cricket|tennis|padel|golf|
basketball|ice hockey|yoga|meditation|scuba diving|surfing|kitesurfing|rowing|kayaking|
hiking|mountaineering|camping|travel in Japan|Nordic noir|theatre|contemporary art|ceramics|
watercolour painting|poetry|languages|learning Mandarin|volunteering|mentoring|youth football coaching|
dog training|horse riding|fly fishing|cooking for friends|wine tasting|film noir|documentaries
""")

EXPERTISE = _items("""
warehouse automation|pallet robots|autonomous mobile robots|predictive maintenance|
demand forecasting|S&OP|inventory optimisation|last-mile delivery|cold chain|
route optimisation|customs and trade compliance|supplier risk|strategic sourcing|
contract negotiation|pricing strategy|revenue management|B2B e-commerce|marketplaces|
ERP migrations|SAP S/4HANA|data platforms|data governance|machine learning|computer vision|
large language models|cybersecurity|OT security|IoT sensors|edge computing|5G campus networks|
digital twins|simulation|lean manufacturing|Six Sigma|quality management|ISO 9001|
battery technology|heat pumps|solar PV|hydrogen|carbon accounting|Scope 3 emissions|
circular economy|packaging design|recycled plastics|sustainable textiles|green steel|
electric trucks|fleet electrification|rail freight|ocean freight|air cargo|port operations|
public relations|crisis communication|employer branding|talent acquisition|change management|
organisational design|M&A integration|venture capital|corporate finance|FP&A|treasury|
product-led growth|customer success|key account management|channel sales|trade shows|
regulatory affairs|medical devices|GMP|clinical trials|food safety|HACCP|agritech|
vertical farming|robotic picking|goods-to-person systems|shuttle systems|WMS|TMS|
RFID|barcode scanning|EDI|API integration|cloud migration|FinOps|Kubernetes|open source
""")

NEEDS = _items("""
a pilot site for pallet robots|a second source for castings|faster customs clearance|
a WMS replacement|better demand forecasts|cheaper freight to Asia|an intro to a rail operator|
references for heat pump installers|a data engineer|budget approval for Q3|speakers for a panel|
a partner for Scope 3 reporting|recycled PET suppliers|a cold-chain carrier in Poland|
a board advisor|feedback on their pitch deck|case studies on AMRs|an intro to our CFO|
a benchmark of picking rates|help with a tender|a contact at the port authority|
a vendor for RFID tags|quotes for solar carports|an expert on EU battery regulation|
a sponsor for their conference|a job in product management|candidates for a plant manager|
better on-time delivery|lower energy costs|a new 3PL in Spain|funding for a startup|
insights on LLM use in customer service|a stand partner at LogiMAT|press contacts|
a reviewer for a white paper|access to our test lab|packaging that passes drop tests|
an intro to a VC|a mentor|a co-author|data for an article|a quote for a story
""")

TAGS = _items("""
key-account|prospect-2027|advisory-board|speaker|mentor|alumni|ex-colleague|decision-maker|
champion|detractor|innovation|pilot|tender|press|investor|startup|university|partner|
supplier-risk|strategic|warm-intro|conference-friend|sustainability|robotics|ai|energy|
logistics|finance|hr|legal|board|europe|asia|americas|dach|nordics|iberia|uk|france|italy
""")

CITIES = _items("""
München|Berlin|Hamburg|Köln|Düsseldorf|Frankfurt|Stuttgart|Nürnberg|Hannover|Zürich|Genève|
Wien|Graz|Paris|Lyon|Marseille|Toulouse|Besançon|Lille|Nantes|Madrid|Barcelona|Valencia|Sevilla|
Bilbao|Lisboa|Porto|Milano|Torino|Bologna|Roma|Napoli|Amsterdam|Rotterdam|Eindhoven|Antwerpen|
Bruxelles|Gent|Luxembourg|København|Aarhus|Malmö|Göteborg|Stockholm|Oslo|Bergen|Helsinki|
Tampere|Tallinn|Riga|Vilnius|Warszawa|Kraków|Wrocław|Gdańsk|Poznań|Praha|Brno|Bratislava|
Budapest|Ljubljana|Zagreb|Beograd|Bucureşti|Sofia|Athína|Thessaloníki|İstanbul|Ankara|Izmir|
Tel Aviv|Dubai|Abu Dhabi|Doha|Riyadh|Cairo|Casablanca|Lagos|Nairobi|Accra|Johannesburg|
Cape Town|Mumbai|Pune|Bengaluru|Chennai|Delhi|Singapore|Kuala Lumpur|Bangkok|Hà Nội|
Hồ Chí Minh City|Jakarta|Manila|Shenzhen|Shanghai|Beijing|Hong Kong|Taipei|Seoul|Busan|Tokyo|
Osaka|Nagoya|Sydney|Melbourne|Auckland|Toronto|Montréal|Vancouver|Chicago|Detroit|Atlanta|
Boston|New York|Austin|Dallas|Seattle|San José|Mexico City|Monterrey|São Paulo|Curitiba|
Buenos Aires|Santiago|Bogotá|Lima
""")

TRADE_SHOWS = [
    ("LogiMAT", "trade-show"), ("Hannover Messe", "trade-show"), ("CES", "trade-show"),
    ("ProMat", "trade-show"), ("automatica", "trade-show"), ("SPS", "trade-show"),
    ("transport logistic", "trade-show"), ("Intersolar Europe", "trade-show"),
    ("E-world energy & water", "trade-show"), ("bauma", "trade-show"), ("drupa", "trade-show"),
    ("IFA", "trade-show"), ("embedded world", "trade-show"), ("EuroShop", "trade-show"),
    ("interpack", "trade-show"), ("MEDICA", "trade-show"), ("ACHEMA", "trade-show"),
    ("Fakuma", "trade-show"), ("K", "trade-show"), ("MWC Barcelona", "trade-show"),
    ("Web Summit", "conference"), ("VivaTech", "conference"), ("Slush", "conference"),
    ("Gartner Supply Chain Symposium", "conference"), ("re:Invent", "conference"),
    ("Money20/20 Europe", "conference"), ("SaaStr Annual", "conference"),
    ("Supply Chain Summit", "conference"), ("Lean Management Forum", "workshop"),
    ("Design Thinking Bootcamp", "workshop"), ("Negotiation Masterclass", "workshop"),
]  # fmt: skip

PODCASTS = [
    "Supply Chain Now", "The Logistics of Logistics", "Acquired", "Hard Fork", "Lex Fridman",
    "Freakonomics Radio", "HBR IdeaCast", "The Energy Gang", "Decoder", "Masters of Scale",
    "How I Built This", "The Robot Report Podcast", "Odd Lots", "Planet Money", "Ctrl+Alt+Lead",
]  # fmt: skip
SITES = [
    "hbr.org", "mckinsey.com", "ft.com", "economist.com", "supplychaindive.com", "therobotreport.com",
    "heise.de", "lesechos.fr", "wired.com", "theloadstar.com", "mmh.com", "arxiv.org",
    "handelsblatt.com", "techcrunch.com", "reuters.com", "bloomberg.com", "substack.com",
]  # fmt: skip

NOUNS = _words("""
robot robots pallet pallets warehouse warehouses forklift forklifts conveyor conveyors shuttle
picker pickers order orders shipment shipments carrier carriers truck trucks driver drivers
route routes depot depots hub hubs port ports container containers vessel terminal customs
tariff tariffs supplier suppliers customer customers buyer buyers tender tenders contract
contracts price prices margin margins cost costs budget budgets forecast forecasts demand
supply inventory stock backlog lead time lead times capacity throughput uptime downtime
sensor sensors camera cameras dataset datasets model models pipeline pipelines dashboard
dashboards platform platforms integration integrations interface interfaces API APIs
cloud edge network networks battery batteries charger chargers grid heat pump heat pumps
panel panels inverter inverters turbine turbines hydrogen electrolyser steel aluminium
plastic plastics packaging carton cartons film resin fibre textile textiles recycling
emissions footprint audit audits certificate standard standards regulation regulations
directive compliance risk risks incident incidents outage breach patch vulnerability
team teams manager managers engineer engineers operator operators technician technicians
shift shifts plant plants site sites line lines cell cells machine machines tool tools
prototype prototypes pilot pilots rollout rollouts roadmap roadmaps strategy strategies
market markets segment segments region regions channel channels partner partners
distributor distributors retailer retailers marketplace marketplaces startup startups
investor investors round valuation revenue revenues growth churn retention pipeline
funnel lead leads deal deals renewal renewals quota quotas target targets incentive
workshop workshops keynote keynotes panel discussion booth stand hall exhibitor exhibitors
visitor visitors demo demos presentation slides case study case studies benchmark
benchmarks survey surveys report reports study studies paper papers chapter chapters
interview interviews episode episodes article articles headline newsletter column
lesson lessons insight insights idea ideas question questions answer answers decision
decisions trade-off trade-offs assumption assumptions hypothesis experiment experiments
metric metrics baseline milestone milestones deadline deadlines quarter quarters year
years month months week weeks day days hour hours minute minutes percent share stake
stakeholder stakeholders sponsor sponsors champion champions board committee council
union works council labour wage wages shortage shortages talent hiring training skill
skills apprentice apprentices graduate graduates culture habit habits meeting meetings
agenda minutes memo email follow-up intro introduction referral reference references
""")

ADJECTIVES = _words("""
autonomous modular scalable robust reliable flexible lean agile resilient sustainable
circular electric hybrid digital physical virtual remote local global regional European
Asian American Nordic German French Italian Spanish Japanese Chinese Indian Brazilian
cheap expensive affordable costly profitable marginal strategic tactical operational
technical commercial financial legal regulatory environmental social ethical practical
ambitious cautious pragmatic realistic optimistic sceptical curious surprising obvious
subtle hidden visible measurable tangible intangible early late quick slow fast faster
slower bigger smaller larger higher lower stronger weaker better worse best worst new
old young mature emerging established traditional modern innovative disruptive
incremental radical simple complex complicated messy clean clear vague precise accurate
noisy quiet busy crowded empty full partial complete standard custom open closed proprietary
shared common rare frequent seasonal peak annual quarterly monthly weekly daily hourly
critical urgent important minor major key central core peripheral upstream downstream
inbound outbound cross-border domestic international multi-site single-site high-mix
low-volume high-volume labour-intensive energy-intensive capital-intensive data-driven
AI-powered cloud-native battery-electric hydrogen-ready low-carbon zero-emission
""")

VERBS = _words("""
reduce cut lower raise increase improve double halve automate digitise simplify
standardise consolidate centralise decentralise outsource insource nearshore reshore
integrate migrate replace retire upgrade scale pilot test validate benchmark measure
track monitor forecast plan schedule route pick pack ship deliver store sort load unload
negotiate source buy sell price bundle license finance fund hire train retain onboard
mentor coach lead manage align prioritise delay accelerate launch announce publish share
explain compare question challenge review approve reject rethink redesign rebuild
""")

ADVERBS = _words("""
quickly slowly clearly surprisingly reportedly roughly nearly almost already still
mostly largely partly fully barely easily rarely often usually typically frankly
honestly probably possibly certainly notably especially particularly steadily sharply
""")

TOPIC_OPENERS = [
    "The main point of the talk was that", "What struck me most is that",
    "According to the speaker,", "Several exhibitors claimed that", "The panel agreed that",
    "The author argues that", "In the case study,", "The data suggests that",
    "Contrary to what I expected,", "One customer told us that", "The keynote made the case that",
    "A recurring theme was that", "The interesting detail is that", "In practice,",
    "Across the hall,", "The benchmark shows that", "Their pilot showed that",
    "Two suppliers mentioned that", "The regulator expects that", "The survey found that",
]  # fmt: skip

NOTE_OPENERS = [
    "They mentioned that", "She said that", "He thinks that", "Their team believes that",
    "Off the record,", "Interesting:", "Worth remembering:", "Next step:", "Concern:",
    "Their boss apparently wants", "Budget-wise,", "On the personal side,", "Reminder to self:",
    "Key quote:", "Follow up because", "They asked whether", "Open question:", "Good news:",
]  # fmt: skip

CLOSERS = [
    "This is worth sharing with the operations team.",
    "I should check whether this holds for our own sites.",
    "Ask procurement what they think about it.",
    "Numbers to be verified before quoting them anywhere.",
    "It matches what we saw last year, only more so.",
    "Nobody had a good answer for the long tail of exceptions.",
    "The payback period was quoted as under two years.",
    "The hard part is change management, not the technology.",
    "Most of the savings come from fewer empty runs.",
    "Integration with the existing ERP is the real bottleneck.",
    "Labour shortages are driving the whole discussion.",
    "Energy prices changed the business case completely.",
    "Regulation will force the laggards to move within three years.",
    "Everyone wants a pilot; few have a plan for the rollout.",
]  # fmt: skip

HEADINGS = ["## Key points", "## Numbers", "## Why it matters", "## Open questions",
            "## Takeaways", "## Who should hear this", "## Context", "## Next steps"]  # fmt: skip


def _zipf_weights(count: int, exponent: float = 1.0) -> list[float]:
    """Cumulative Zipf weights for `random.choices(..., cum_weights=...)`."""
    return list(itertools.accumulate(1.0 / (rank + 1) ** exponent for rank in range(count)))


class Pool:
    """Items picked with Zipf-like weights, in a seeded shuffled order (so the rare ones vary)."""

    def __init__(self, items: Sequence[T], rng: random.Random, exponent: float = 0.9) -> None:
        self.items = list(dict.fromkeys(items))
        rng.shuffle(self.items)
        self.weights = _zipf_weights(len(self.items), exponent)
        self.rng = rng

    def one(self) -> T:  # type: ignore[type-var]
        return self.rng.choices(self.items, cum_weights=self.weights)[0]

    def some(self, k: int) -> list[T]:  # type: ignore[type-var]
        return self.rng.choices(self.items, cum_weights=self.weights, k=k)

    def distinct(self, k: int) -> list[T]:  # type: ignore[type-var]
        """Up to `k` different items."""
        return list(dict.fromkeys(self.some(k * 2)))[:k]


def company_names(rng: random.Random, count: int) -> list[str]:
    combos = [f"{head} {tail}" for head in COMPANY_HEADS for tail in COMPANY_TAILS]
    rng.shuffle(combos)
    return [name + rng.choice(COMPANY_FORMS) for name in combos[:count]]


def upper_first(text: str) -> str:
    """'pallet robots' -> 'Pallet robots', 'iPhone' stays, 'WMS' stays."""
    return text[:1].upper() + text[1:]


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x")):
        return verb + "es"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


class Prose:
    """Sentences and Markdown bodies from templates filled with Zipf-picked words."""

    def __init__(self, rng: random.Random, orgs: Sequence[str], people: Sequence[str]) -> None:
        self.rng = rng
        self.nouns = Pool(NOUNS + EXPERTISE, rng)
        self.adjectives = Pool(ADJECTIVES, rng)
        self.verbs = Pool(VERBS, rng)
        self.adverbs = Pool(ADVERBS, rng)
        self.topics = Pool(EXPERTISE, rng, exponent=0.7)
        self.cities = Pool(CITIES, rng)
        self.orgs = Pool(list(orgs) + UNIVERSITIES + PUBLICATIONS, rng, exponent=0.6)
        self.people = Pool(people, rng, exponent=0.5)
        self.interests = Pool(INTERESTS, rng)
        self.needs = Pool(NEEDS, rng)
        self.shows = Pool([name for name, _ in TRADE_SHOWS], rng)
        self.words = Pool(
            NOUNS + ADJECTIVES + VERBS + ADVERBS + EXPERTISE + self._coined(),
            rng,
            exponent=1.05,
        )

    def _coined(self) -> list[str]:
        """Product names, model numbers and jargon: the long tail of a real vocabulary."""
        rng = self.rng
        stems = ["flex", "robo", "pick", "volt", "grid", "cargo", "data", "lean", "sense", "track",
                 "astro", "blue", "cyber", "eco", "ferro", "hydro", "nano", "omni", "pallo", "terra"]  # fmt: skip
        ends = ["ix", "ora", "go", "nova", "line", "sync", "wise", "core", "port", "max",
                "io", "net", "flow", "lab", "ware", "bot", "tec", "ly", "sphere", "mind"]  # fmt: skip
        coined = [f"{a.capitalize()}{b}" for a in stems for b in ends]
        coined += [f"{rng.choice('ABCDEFGHKMRSTXZ')}{rng.randint(10, 990)}" for _ in range(1200)]
        prefixes = ["micro", "multi", "re", "co", "pre", "post", "auto", "hyper", "non", "over",
                    "sub", "inter", "cross", "semi", "ultra"]  # fmt: skip
        coined += [f"{p}-{w}" for p in prefixes for w in rng.sample(NOUNS, 100)]
        suffixes = ["based", "ready", "free", "heavy", "led", "first", "wide", "proof"]
        coined += [f"{w}-{x}" for x in suffixes for w in rng.sample(NOUNS, 80)]
        return coined

    def _np(self) -> str:
        """A noun phrase: 'autonomous pallet robots', 'the WMS'."""
        roll = self.rng.random()
        if roll < 0.45:
            return f"{self.adjectives.one()} {self.nouns.one()}"
        if roll < 0.7:
            return self.nouns.one()
        if roll < 0.85:
            return f"{self.nouns.one()} at {self.orgs.one()}"
        return f"{self.adjectives.one()} {self.nouns.one()} in {self.cities.one()}"

    def claim(self) -> str:
        rng = self.rng
        subject = self._np()
        roll = rng.random()
        if roll < 0.25:
            return f"{subject} can {self.verbs.one()} {self._np()} by {rng.randint(5, 60)}%"
        if roll < 0.45:
            return (
                f"{subject} {_third_person(self.verbs.one())} {self._np()} "
                f"{self.adverbs.one()} in {self.cities.one()}"
            )
        if roll < 0.6:
            return f"most teams still {self.verbs.one()} {self._np()} by hand"
        if roll < 0.75:
            return (
                f"{self.orgs.one()} plans to {self.verbs.one()} {self._np()} "
                f"before {rng.choice(['Q1', 'Q2', 'Q3', 'Q4'])} {rng.randint(2017, 2028)}"
            )
        if roll < 0.9:
            return f"{self.topics.one()} only pays off when {self._np()} is {self.adjectives.one()}"
        return " ".join(self.words.some(rng.randint(6, 14)))

    def sentence(self, openers: Sequence[str] = TOPIC_OPENERS) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.55:
            return f"{rng.choice(openers)} {self.claim()}."
        if roll < 0.8:
            text = self.claim()
            return upper_first(text) + "."
        if roll < 0.9:
            return rng.choice(CLOSERS)
        return (
            f"{self.people.one()} from {self.orgs.one()} said {self._np()} is "
            f"{self.adverbs.one()} {self.adjectives.one()}."
        )

    def paragraph(self, sentences: int, openers: Sequence[str] = TOPIC_OPENERS) -> str:
        return " ".join(self.sentence(openers) for _ in range(sentences))

    def body(self, low: int, high: int, openers: Sequence[str] = TOPIC_OPENERS) -> str:
        """Markdown of `low` to `high` characters: paragraphs, sometimes headings and bullets."""
        rng = self.rng
        target = rng.randint(low, high)
        parts: list[str] = []
        size = 0
        while size < target:
            roll = rng.random()
            if roll < 0.15 and parts:
                block = rng.choice(HEADINGS)
            elif roll < 0.35:
                block = "\n".join(f"- {self.claim()}" for _ in range(rng.randint(2, 5)))
            else:
                block = self.paragraph(rng.randint(2, 5), openers)
            parts.append(block)
            size += len(block) + 2
        text = "\n\n".join(parts)
        return text[:high].rsplit(" ", 1)[0] if len(text) > high else text

    def title(self) -> str:
        rng = self.rng
        topic = self.topics.one()
        forms = [
            f"{upper_first(topic)} cuts {self.nouns.one()} by {rng.randint(5, 60)}%",
            f"Notes on {topic}",
            f"Why {topic} is harder than it looks",
            f"{self.orgs.one()} on {topic}",
            f"{upper_first(self.adjectives.one())} {self.nouns.one()} in {self.cities.one()}",
            f"How {self.orgs.one()} runs {topic}",
            f"Lessons from a {topic} pilot",
            f"The state of {topic} in {rng.randint(2017, 2026)}",
            f"{upper_first(topic)}: {self.adjectives.one()} {self.nouns.one()}",
            f"What {self.people.one()} said about {topic}",
        ]
        return rng.choice(forms)

    def summary(self, first_name: str, event: str) -> str:
        rng = self.rng
        topic = self.topics.one()
        forms = [
            f"Coffee with {first_name} about {topic}",
            f"Call: {topic} timeline",
            f"Discussed {topic} and {self.topics.one()}",
            f"Quarterly review: {topic}",
            f"{first_name} wants a {topic} pilot in Q{rng.randint(1, 4)}",
            f"Intro call with {self.orgs.one()}",
            f"Lunch with {first_name}: {self.interests.one()} and {topic}",
            f"Follow-up on {self.needs.one()}",
            f"Asked {first_name} about {self._np()}",
            f"Shared notes on {topic}",
        ]
        if event:
            forms += [f"Met at {event}: interested in {topic}", f"{event} booth chat on {topic}"]
        return rng.choice(forms)
