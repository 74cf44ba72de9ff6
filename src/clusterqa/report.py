"""Eval results -> a self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched)."""

from __future__ import annotations

import html
from typing import Any

from .evals import LOWER_IS_BETTER, METRICS

STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#1b1b1b;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #ddd;padding:4px 6px;
text-align:left;vertical-align:top}th{background:#f3f3f3}.num{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:flex;flex-wrap:wrap;gap:.6rem}.card{border:1px solid #ddd;border-radius:6px;padding:.5rem .8rem;
min-width:140px}.card b{display:block;font-size:1.3rem}.good{color:#1a7f37}.bad{color:#b42318}
.muted{color:#666}.quote{font-style:italic}
"""


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def _cards(report: dict[str, Any], baseline: dict[str, Any] | None) -> str:
    cards = []
    for name in METRICS:
        extra = ""
        if baseline is not None and isinstance(baseline.get(name), (int, float)):
            extra = f"<span class='muted'>baseline {_fmt(baseline[name])}</span>"
        cards.append(f"<div class='card'>{html.escape(name)}<b>{_fmt(report.get(name))}</b>{extra}</div>")
    return f"<div class='cards'>{''.join(cards)}</div>"


def _bar_chart(by_tag: dict[str, dict[str, Any]]) -> str:
    """Horizontal bars: accuracy per tag (answer accuracy, or abstention accuracy for unanswerable tags)."""
    rows = []
    for tag, rep in by_tag.items():
        value = rep.get("answer_accuracy")
        label = "answer"
        if value is None:
            value, label = rep.get("abstention_accuracy"), "abstain"
        if value is not None:
            rows.append((tag, float(value), label, rep.get("n", 0)))
    height = 22 * len(rows) + 10
    bars = []
    for i, (tag, value, label, n) in enumerate(rows):
        y = 5 + i * 22
        colour = "#1a7f37" if value >= 0.9 else "#d4a72c" if value >= 0.75 else "#b42318"
        bars.append(
            f"<text x='0' y='{y + 14}' font-size='12'>{html.escape(tag)} (n={n})</text>"
            f"<rect x='190' y='{y}' width='{value * 500:.1f}' height='16' fill='{colour}'/>"
            f"<text x='{195 + value * 500:.1f}' y='{y + 13}' font-size='12'>{value:.2f} {label}</text>"
        )
    return f"<svg role='img' aria-label='accuracy by tag' width='800' height='{height}'>{''.join(bars)}</svg>"


def _histogram(latencies: list[float], bins: int = 20) -> str:
    if not latencies:
        return "<p class='muted'>No latencies.</p>"
    low, high = min(latencies), max(latencies)
    width = (high - low) / bins or 1.0
    counts = [0] * bins
    for value in latencies:
        counts[min(bins - 1, int((value - low) / width))] += 1
    peak = max(counts)
    bars = []
    for i, count in enumerate(counts):
        h = 150 * count / peak
        bars.append(f"<rect x='{40 + i * 30}' y='{170 - h:.1f}' width='26' height='{h:.1f}' fill='#3b6fb6'>"
                    f"<title>{low + i * width:.1f}–{low + (i + 1) * width:.1f} ms: {count}</title></rect>")
    axis = (f"<text x='40' y='188' font-size='11'>{low:.1f} ms</text>"
            f"<text x='{40 + bins * 30 - 60}' y='188' font-size='11'>{high:.1f} ms</text>")
    return f"<svg role='img' aria-label='latency histogram' width='700' height='195'>{''.join(bars)}{axis}</svg>"


def _failures(results: list[dict[str, Any]]) -> str:
    rows = []
    for r in results:
        if r["correct"] and r["abstained_ok"]:
            continue
        expected = "(abstain)" if not r["answerable"] else " | ".join(r["expected"] + [f"+{x}" for x in r["required"]])
        cites = "<br>".join(
            f"[{c['n']}] {html.escape(str(c['source']))} p.{c['page']}: <span class='quote'>{html.escape(c['quote'])}</span>"
            for c in r.get("citations", [])
        )
        rows.append(
            f"<tr><td>{html.escape(r['id'])}</td><td>{html.escape(r['question'])}</td>"
            f"<td>{html.escape(r['answer'])}</td><td>{html.escape(expected)}</td><td>{cites}</td>"
            f"<td class='num'>{_fmt(r.get('evidence_rank'))}</td></tr>"
        )
    if not rows:
        return "<p class='good'>No failures.</p>"
    head = "<tr><th>id</th><th>question</th><th>answer</th><th>expected</th><th>citations</th><th>evidence rank</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>"


def _comparison(comparison: dict[str, Any]) -> str:
    rows = []
    for name, d in comparison["deltas"].items():
        better = (d["delta"] < 0) if name in LOWER_IS_BETTER else (d["delta"] > 0)
        css = "good" if better and d["delta"] else "bad" if d["delta"] else "muted"
        rows.append(f"<tr><td>{name}</td><td class='num'>{_fmt(d['old'])}</td><td class='num'>{_fmt(d['new'])}</td>"
                    f"<td class='num {css}'>{d['delta']:+.4f}</td></tr>")
    flips = (f"<p><b>Right → wrong ({len(comparison['right_to_wrong'])}):</b> "
             f"{html.escape(', '.join(comparison['right_to_wrong']) or 'none')}</p>"
             f"<p><b>Wrong → right ({len(comparison['wrong_to_right'])}):</b> "
             f"{html.escape(', '.join(comparison['wrong_to_right']) or 'none')}</p>")
    return f"{flips}<table><tr><th>metric</th><th>old</th><th>new</th><th>delta</th></tr>{''.join(rows)}</table>"


def render_html(
    title: str,
    report: dict[str, Any],
    results: list[dict[str, Any]],
    comparison: dict[str, Any] | None = None,
    baseline: dict[str, Any] | None = None,
) -> str:
    """The whole page as one string."""
    parts = [
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>",
        f"<style>{STYLE}</style></head><body><h1>{html.escape(title)}</h1>",
        f"<p class='muted'>{report['n']} questions ({report['n_answerable']} answerable, "
        f"{report['n_unanswerable']} unanswerable).</p>",
        "<h2>Headline metrics</h2>", _cards(report, baseline),
    ]
    if baseline is not None:
        parts += ["<p class='muted'>Baseline: LangChain tutorial pipeline (PyPDFLoader, 1000/200 chunks, dense top-4, "
                  "top chunk as the answer).</p>"]
    if comparison is not None:
        parts += ["<h2>Compared with the previous run</h2>", _comparison(comparison)]
    parts += [
        "<h2>Accuracy by tag</h2>", _bar_chart(report.get("by_tag", {})),
        "<h2>Latency</h2>", _histogram([float(r["latency_ms"]) for r in results]),
        "<h2>Failures</h2>", _failures(results),
        "</body></html>",
    ]
    return "".join(parts)
