"""TeX math in arXiv titles as the plain text maintainers type: `Mask$^2$DiT` -> `Mask²DiT`.

arXiv titles keep their authors' TeX (`G$^2$VLM`, `$\\alpha$-CLIP`, `$\\mathcal{X}$-Net`). Lists
write what the title shows when rendered: superscript and subscript characters, Greek letters,
the symbol itself. Written as TeX into a list the `$` and `^` stay visible (and `$` is escaped),
and a title compared with the list's `Mask²DiT` does not match. Only a `$...$` pair that reads as
math is converted: its opening `$` is followed, and its closing `$` preceded, by a non-space, so
the lone dollar of `$500 Training Cost` is left as it is. Pure; no I/O.
"""

from __future__ import annotations

import re

__all__ = ["plain_math"]

_MATH = re.compile(r"(?<![\\$])\$(?=\S)([^$\n]{1,80}?)(?<=\S)(?<!\\)\$(?!\d)")

_SUPERSCRIPTS = dict(zip("0123456789+-=()nik", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵏ", strict=True))
_SUBSCRIPTS = dict(zip("0123456789+-=()aeijoruvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₒᵣᵤᵥₓ", strict=True))

_GREEK = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
          "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi",
          "chi", "psi", "omega")
_SYMBOLS: dict[str, str] = {
    **{name: chr(0x3B1 + i + (i > 16)) for i, name in enumerate(_GREEK)},  # no final sigma
    **{name.capitalize(): chr(0x391 + i + (i > 16)) for i, name in enumerate(_GREEK)},
    "varepsilon": "ε", "vartheta": "ϑ", "varphi": "φ", "ell": "ℓ", "infty": "∞",
    "times": "×", "cdot": "·", "cdots": "⋯", "ldots": "…", "dots": "…", "pm": "±", "mp": "∓",
    "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "approx": "≈", "sim": "~",
    "to": "→", "rightarrow": "→", "leftarrow": "←", "leftrightarrow": "↔", "Rightarrow": "⇒",
    "star": "⋆", "ast": "*", "circ": "∘", "prime": "′", "partial": "∂", "nabla": "∇",
    "in": "∈", "forall": "∀", "exists": "∃", "sum": "∑", "prod": "∏", "sqrt": "√",
    "checkmark": "✓", "dagger": "†", "%": "%", "&": "&", "#": "#", "_": "_", "$": "$",
    ",": " ", ";": " ", ":": " ", "!": "", " ": " ", "quad": " ", "qquad": " ",
}
# Commands that only style their argument: the argument is the text.
_STYLES = re.compile(r"\\(?:math[a-z]*|text[a-z]*|boldsymbol|bm|operatorname|emph|hat|bar|"
                     r"tilde|vec|widehat|widetilde|overline|underline)\s*\{([^{}]*)\}")
_COMMAND = re.compile(r"\\([A-Za-z]+|[%&#_$,;:! ])")
_SCRIPT = re.compile(r"([\^_])(?:\{([^{}]*)\}|(\\[A-Za-z]+|[^\s{}\\]))")


def plain_math(title: str) -> str:
    """The title with each `$...$` math span written as plain Unicode text (see module doc)."""
    if "$" not in title:
        return title
    return _MATH.sub(lambda m: _plain(m.group(1)), title)


def _plain(math: str) -> str:
    text = math
    for _ in range(3):  # nested styles: \mathbf{\mathcal{X}}
        text = _STYLES.sub(r"\1", text)
    text = _SCRIPT.sub(_script, text)
    text = _COMMAND.sub(lambda m: _SYMBOLS.get(m.group(1), m.group(1)), text)
    return text.replace("{", "").replace("}", "")


def _script(match: re.Match[str]) -> str:
    """`^2` -> `²`, `_{ij}` -> `ᵢⱼ`; kept as `^...` when a character has no such form."""
    mark, body = match.group(1), match.group(2) if match.group(2) is not None else match.group(3)
    body = _COMMAND.sub(lambda m: _SYMBOLS.get(m.group(1), m.group(1)), body)
    table = _SUPERSCRIPTS if mark == "^" else _SUBSCRIPTS
    if body and all(c in table for c in body):
        return "".join(table[c] for c in body)
    if mark == "^" and body in ("*", "∗", "⋆"):
        return "*"  # A$^\\star$, A$^*$: the star is written on the line
    if mark == "^" and body in ("†", "′"):
        return body
    return mark + body
