"""Entity commands: ``veille entities``, ``veille entity NAME``, ``veille kb import|show|check``."""

from __future__ import annotations

import sys

import click

from veille.commands.options import db_option, limit_option, read_db
from veille.commands.output import NO_DATE, UNKNOWN
from veille.model import ENTITY_TYPES


def _role_line(kb, r: dict) -> str:
    of = kb.get(r.get("of"))
    span = f"{r.get('start') or UNKNOWN} – {r.get('end') or 'in office'}"  # (the CLI speaks English)
    return f"{r.get('role')} of {of['name'] if of else r.get('of')} ({span})"


def _kb_naming(kb, name: str, limit: int = 10) -> list[str]:
    """Ids of the KB entries whose name or an alias holds ``name`` as whole words, any case, accent
    or transliteration ("zelenski" finds Volodymyr Zelensky): ``kb show`` lists them when no entry
    is called exactly that. At most ``limit`` + 1, so the caller can say there are more."""
    from veille.common.fold import norm, phonetic

    wanted = [f" {norm(name)} ", f" {phonetic(name)} "]
    if not norm(name):
        return []
    found = []
    for eid, entry in kb.entries.items():
        names = [entry.get("name") or "", *(entry.get("aliases") or [])]
        if any(w in f" {key(n)} " for n in names for w, key in zip(wanted, (norm, phonetic), strict=True)):
            found.append(eid)
            if len(found) > limit:
                break
    return found


def register(cli: click.Group) -> None:
    @cli.command("entities")
    @db_option()
    @click.option("--type", "etype", type=click.Choice(list(ENTITY_TYPES)), help="Only this type.")
    @click.option("--top", default=30, show_default=True, type=click.IntRange(min=1), help="How many to list.")
    def entities_cmd(db: str, etype: str | None, top: int) -> None:
        """Corpus entities by number of articles (and mentions) naming them."""
        from veille import queries

        with read_db(db) as conn:
            rows = queries.corpus_entities(conn, etype, top)
        if not rows:
            click.echo("no entities stored", err=True)
            return
        click.echo(f"{'articles':>8} {'mentions':>8}  type  name  [id]")
        for r in rows:
            click.echo(f"{r['article_count']:>8} {r['mention_count']:>8}  {r['type']:<4}  {r['name']}  [{r['id']}]")

    @cli.command("entity")
    @click.argument("name")
    @db_option()
    @limit_option(20, "How many articles to list (0: all).")
    def entity_cmd(name: str, db: str, limit: int) -> None:
        """One entity: aliases, roles (from the KB), articles and mention counts."""
        from veille import queries
        from veille.commands.options import limit_note, no_limit
        from veille.kb import load_kb
        from veille.queries.sql import sql_limit

        with read_db(db) as conn:
            # (--limit 0 listed no article: 0 is "all" for every other listing)
            row = queries.find_corpus_entity(conn, name, sql_limit(no_limit(limit)))
        if row is None:
            raise click.ClickException(f"no entity {name!r} in {db}")
        click.echo(f"{row['name']} ({row['type']})  [{row['id']}]")
        click.echo(f"{row['article_count']} articles, {row['mention_count']} mentions"
                   + (f", {row['first_seen']} – {row['last_seen']}" if row["first_seen"] else ""))
        kb = load_kb()
        entry = kb.get(row["kb_id"])
        names = [f"{a['alias']} ({a['count']})" for a in row["aliases"]]
        if entry:
            names += [a for a in entry.get("aliases") or [] if a != entry["name"]]
        if names:
            click.echo("aliases: " + ", ".join(dict.fromkeys(names)))
        if entry:
            for r in entry.get("roles") or []:
                click.echo("role: " + _role_line(kb, r))
            if entry.get("source"):
                click.echo(f"source: {entry['source']}")
        for a in row["articles"]:
            click.echo(f"  {a['id']}  {a['published'] or NO_DATE}  ×{a['mentions']}  {a['title'] or ''}")
        if row["article_count"] > len(row["articles"]):
            limit_note(len(row["articles"]), limit)

    @cli.group("kb")
    def kb_group() -> None:
        """The knowledge base (canonical names, aliases, roles): import and inspect entries."""

    @kb_group.command("import")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False))
    @click.option("--dir", "target", type=click.Path(file_okay=False),
                  help="User KB folder (default: $VEILLE_KB_DIR or ~/.local/share/veille/kb).")
    def kb_import(file: str, target: str | None) -> None:
        """Validate a JSONL file of KB entries and add them to the user KB (see kb/README.md)."""
        from veille.kb import import_entries

        try:
            n, out = import_entries(file, target)
        except UnicodeDecodeError as exc:  # a binary or Latin-1 file: one line, not the codec's words
            raise click.ClickException(f"{file} not imported: not UTF-8 JSON lines "
                                       f"(byte 0x{exc.object[exc.start]:02x} at offset {exc.start})") from None
        except ValueError as exc:
            raise click.ClickException(f"{file} not imported:\n{exc}") from exc
        click.echo(f"{n} entries imported into {out}")

    @kb_group.command("show")
    @click.argument("name")
    def kb_show(name: str) -> None:
        """What the KB knows about a name, alias or id."""
        from veille.kb import load_kb

        kb = load_kb()
        ids = [name] if name in kb.entries else kb.lookup(name)
        if not ids:
            ids = _kb_naming(kb, name)
            if not ids:
                raise click.ClickException(f"{name!r} is not in the KB")
            more = " (the first 10)" if len(ids) > 10 else ""
            ids = ids[:10]
            click.echo(f"no KB entry is called {name!r}; entries whose name or alias holds it{more}:", err=True)
        for eid in ids:
            e = kb.entries[eid]
            click.echo(f"{e['name']} ({e['type']})  [{eid}]")
            if e.get("aliases"):
                click.echo("aliases: " + ", ".join(e["aliases"]))
            for r in e.get("roles") or []:
                click.echo("role: " + _role_line(kb, r))
            if e.get("source"):
                click.echo(f"source: {e['source']}")

    @kb_group.command("check")
    def kb_check() -> None:
        """Validate every KB file (shipped and user); exit 1 on a bad entry."""
        from veille.kb import kb_files, read_jsonl, validate_entry

        bad = 0
        for path in kb_files():
            for n, entry in read_jsonl(path):
                errs = [str(entry)] if isinstance(entry, Exception) else validate_entry(entry)
                if errs:
                    bad += 1
                    click.echo(f"{path}:{n}: {'; '.join(errs)}")
        click.echo(f"{bad} bad entries", err=True)
        if bad:
            sys.exit(1)
