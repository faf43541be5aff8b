"""Compares accord's verdicts with xmllint's on records mutated at random from the examples.

Usage: python3 scripts/xmllint-agreement.py ACCORD SEED COUNT

Every document xmllint rejects must be rejected by accord; every document xmllint accepts
must pass accord's well-formedness and schema checks (accord's rules may still refuse it).
Prints one line of counts; the mutated files behind any disagreement are kept as badN.xml.
"""
import json, random, re, subprocess, sys, os, glob, tempfile
accord = sys.argv[1]
random.seed(int(sys.argv[2]))
n = int(sys.argv[3])
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
work = tempfile.mkdtemp(prefix='xmllint-agreement-')
src = [open(f).read() for f in glob.glob(os.path.join(root, 'examples', '*.xml'))]
vals = ['', ' ', 'x', '0', '-5', '1e3', '2025-02-30', '2025-07-28T00:00:00', 'IDN', 'idn', 'USD', 'usd', '99999999999999999999', 'bilateral', 'in-force', 'ИДН', '&amp;', 'a b', '1.0', '2.0', '10.5']
def mutate(t):
    lines = t.split('\n')
    for _ in range(random.randint(1, 3)):
        i = random.randrange(2, len(lines) - 1)
        k = random.randrange(7)
        l = lines[i]
        if k == 0: del lines[i]
        elif k == 1: lines.insert(random.randrange(2, len(lines)-1), l)
        elif k == 2:
            m = list(re.finditer(r'="([^"]*)"', l))
            if m:
                x = random.choice(m); lines[i] = l[:x.start(1)] + random.choice(vals) + l[x.end(1):]
        elif k == 3:
            m = re.search(r'>([^<]+)<', l)
            if m: lines[i] = l[:m.start(1)] + random.choice(vals) + l[m.end(1):]
        elif k == 4:
            m = list(re.finditer(r' ([a-zA-Z:]+)="[^"]*"', l))
            if m:
                x = random.choice(m); lines[i] = l[:x.start()] + l[x.end():]
        elif k == 5:
            m = re.search(r'<([a-zA-Z]+)', l)
            if m: lines[i] = l.replace(m.group(1), m.group(1) + 's', 1).replace('</' + m.group(1) + '>', '</' + m.group(1) + 's>')
        else:
            j = random.randrange(2, len(lines) - 1); lines[i], lines[j] = lines[j], lines[i]
    return '\n'.join(lines)
disagree = 0; xrej = 0; arej_only = 0
for c in range(n):
    t = mutate(random.choice(src))
    sample = os.path.join(work, 'm.xml')
    open(sample, 'w').write(t)
    x = subprocess.run(['xmllint', '--noout', '--nonet', '--schema', os.path.join(root, 'schemas', 'partnership-record-v1.xsd'), sample], capture_output=True).returncode == 0
    a = subprocess.run([accord, 'validate', '--format', 'json', sample], capture_output=True, text=True)
    rep = json.loads(a.stdout)['files'][0]
    codes = {d['code'] for d in rep['diagnostics'] if d['severity'] == 'error'}
    structural = bool(codes & {'X001', 'X006', 'S001'})
    if not x:
        xrej += 1
        if rep['valid']:
            disagree += 1; print('ACCEPTED-BUT-XMLLINT-REJECTS', c); open(os.path.join(work, f'bad{c}.xml'),'w').write(t)
    else:
        if structural:
            disagree += 1; print('XMLLINT-ACCEPTS-ACCORD-STRUCTURAL', c, codes); open(os.path.join(work, f'bad{c}.xml'),'w').write(t)
        elif not rep['valid']: arej_only += 1
print(f'documents={n} work={work} xmllint_rejected={xrej} accord_rejected_by_rules_only={arej_only} disagreements={disagree}')
sys.exit(1 if disagree else 0)
