#!/usr/bin/env python3
"""Compare two run directories of the same study artifact by artifact: the sha256 of lock.json,
and for CSV and JSON artifacts whose hashes differ, the largest relative differences (per numeric
column of a CSV, per numeric leaf of a JSON: |a - b| / max(|a|, |b|, floor)); other differing
artifacts are only named.
Used to show that a numerics change leaves a study unchanged or changed only within its tolerances
(docs/decisions.md, "Newton error in the BDF").

Usage: compare_runs.py RUN_A RUN_B [--floor F]   (floor: scale below which values count as absolute, default 1e-300)
"""
import argparse
import csv
import json
import os


def lock(run):
    with open(os.path.join(run, 'lock.json')) as fh:
        return json.load(fh)['artifacts']


def numeric(v):
    try:
        return float(v)
    except ValueError:
        return None


def csv_diff(a, b, floor):
    with open(a) as fa, open(b) as fb:
        ra, rb = list(csv.reader(fa)), list(csv.reader(fb))
    if len(ra) != len(rb) or not ra or ra[0] != rb[0]:
        return 'rows or header differ (%d vs %d rows)' % (len(ra), len(rb))
    worst = {}
    text = set()
    for la, lb in zip(ra[1:], rb[1:]):
        for name, x, y in zip(ra[0], la, lb):
            fx, fy = numeric(x), numeric(y)
            if fx is None or fy is None:
                if x != y:
                    text.add(name)
                continue
            if fx == fy:
                d = 0.0
            else:
                d = abs(fx - fy) / max(abs(fx), abs(fy), floor)
            worst[name] = max(worst.get(name, 0.0), d)
    changed = sorted(((d, n) for n, d in worst.items() if d > 0), reverse=True)
    parts = ['%s %.1e' % (n, d) for d, n in changed[:6]]
    if text:
        parts.append('text differs in ' + ', '.join(sorted(text)))
    return ('max relative difference: ' + ', '.join(parts)) if parts else 'same numbers, different bytes'


def leaves(x, path=''):
    if isinstance(x, dict):
        for k, v in x.items():
            yield from leaves(v, path + '/' + k)
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from leaves(v, '%s[%d]' % (path, i))
    else:
        yield path, x


def json_diff(a, b, floor):
    with open(a) as fa, open(b) as fb:
        la, lb = dict(leaves(json.load(fa))), dict(leaves(json.load(fb)))
    parts = []
    for k in la:
        x, y = la[k], lb.get(k)
        if x == y:
            continue
        if isinstance(x, (int, float)) and isinstance(y, (int, float)) and not isinstance(x, bool):
            parts.append((abs(x - y) / max(abs(x), abs(y), floor), '%s %.1e' % (k, abs(x - y) / max(abs(x), abs(y), floor))))
        else:
            parts.append((float('inf'), '%s %r -> %r' % (k, x, y)))
    parts += [(float('inf'), k + ' only in ' + b) for k in lb if k not in la]
    parts.sort(reverse=True)
    return ('largest relative differences: ' + ', '.join(p for _, p in parts[:6])) if parts else 'same values, different bytes'


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('a')
    ap.add_argument('b')
    ap.add_argument('--floor', type=float, default=1e-300)
    args = ap.parse_args()
    la, lb = lock(args.a), lock(args.b)
    same = sorted(k for k in la if k in lb and la[k]['sha256'] == lb[k]['sha256'])
    print('%s vs %s: %d artifacts identical' % (args.a, args.b, len(same)))
    for k in sorted(set(la) | set(lb)):
        if k in same:
            continue
        if k not in la or k not in lb:
            print('  %s: only in %s' % (k, args.a if k in la else args.b))
        elif k.endswith('.csv'):
            print('  %s: %s' % (k, csv_diff(os.path.join(args.a, k), os.path.join(args.b, k), args.floor)))
        elif k.endswith('.json'):
            print('  %s: %s' % (k, json_diff(os.path.join(args.a, k), os.path.join(args.b, k), args.floor)))
        else:
            print('  %s: differs' % k)


if __name__ == '__main__':
    main()
