#!/usr/bin/env python3
"""A second real-text corpus for related content, from what Debian's perl-doc package installs:
the Perl FAQ (perlfaq1..9), one article per question, labelled by the FAQ part it belongs to
(general, resources, tools, data manipulation, files, regular expressions, the language,
system interaction, web). English prose written by people; not news, but real text with
reference labels, so an engine tuned to one small French corpus is checked on another.

usage: perlfaq_corpus.py DIR     (writes DIR/articles/*.md and DIR/topics.tsv)
Needs /usr/share/perl/5.*/pod/perlfaq[1-9].pod (apt-get install perl-doc). Code samples
(verbatim paragraphs) are left out, as a news body has none. Dates are made up and unrelated to
the labels (a fixed shuffle), so nearness in time must not help.
"""
import glob, os, random, re, sys

out = sys.argv[1]
pods = sorted(glob.glob("/usr/share/perl/5.*/pod/perlfaq[1-9].pod"))[:9]
if not pods:
    sys.exit("perlfaq pods not found: apt-get install perl-doc")

def plain(s):
    for _ in range(3):
        s = re.sub(r"[A-Z]<<+\s(.*?)\s>>+", r"\1", s)
        s = re.sub(r"[A-Z]<([^<>]*)>", lambda m: m.group(1).split("|")[0], s)
    # Double-quoted YAML reads backslashes as escapes.
    return s.replace("\\", "/").replace('"', "'").strip()

docs = []
for pod in pods:
    part = re.search(r"perlfaq(\d)", pod).group(1)
    text = open(pod, encoding="utf-8", errors="replace").read()
    for chunk in re.split(r"^=head2 ", text, flags=re.M)[1:]:
        title, _, rest = chunk.partition("\n")
        paras = []
        for p in re.split(r"\n\s*\n", rest):
            if not p.strip() or p.startswith((" ", "\t")) or p.startswith("=head1"):
                if p.startswith("=head1"):
                    break
                continue
            if p.startswith("="):
                p = re.sub(r"^=\w+\s*", "", p)
            p = plain(" ".join(p.split()))
            if p:
                paras.append(p)
        if paras:
            docs.append((part, plain(title), paras))

rng = random.Random(7)
days = list(range(len(docs)))
rng.shuffle(days)
os.makedirs(os.path.join(out, "articles"), exist_ok=True)
with open(os.path.join(out, "topics.tsv"), "w", encoding="utf-8") as topics:
    for i, (part, title, paras) in enumerate(docs):
        slug = f"q{days[i]:03d}"  # neutral: a slug must not give the label away
        d = days[i]
        date = f"2020-{1 + d // 28 % 12:02d}-{1 + d % 28:02d}T{8 + d // 336:02d}:00:00+00:00"
        lead, body = paras[0], "\n\n".join(paras[1:])
        with open(os.path.join(out, "articles", slug + ".md"), "w", encoding="utf-8") as f:
            f.write(f'---\ntitle: "{title}"\ndate: {date}\nslug: {slug}\nsummary: "{lead}"\n---\n\n{body}\n')
        topics.write(f"{slug}\tperlfaq{part}\n")
with open(os.path.join(out, "site.yml"), "w", encoding="utf-8") as f:
    f.write("title: Perl FAQ\nlanguage: en\n")
print(f"{len(docs)} articles in {out}")
