"""`lora-studio` / `python -m backend`: `serve` the app, build the `demo` assets, print the `openapi` schema."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from backend.security import install_log_redaction
from backend.demo.shapes import SHAPES
from backend.settings import Settings


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {
        "data_dir": Path(args.data_dir).expanduser() if args.data_dir else None,
        "host": getattr(args, "host", None),
        "port": getattr(args, "port", None),
        "token": getattr(args, "token", None),
    }
    settings = Settings.from_env().with_overrides(**overrides)
    if getattr(args, "model_dir", None):
        settings = settings.with_overrides(
            model_dirs=tuple(settings.model_dirs) + tuple(Path(p).expanduser() for p in args.model_dir))
    return settings


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from backend.app import create_app

    settings = _settings(args)
    try:
        settings.validate()
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        import mlx.core  # noqa: F401
    except ImportError as exc:  # Linux: the plain mlx package has no backend of its own
        print(f"error: MLX cannot load ({exc}). On Linux install a backend: "
              "pip install 'lora-studio[cpu]' (or [cuda12] / [cuda13] for an NVIDIA GPU)", file=sys.stderr)
        return 2
    if not args.no_demo:
        from backend.demo import build_demo
        build_demo(settings.demo_dir)
    app = create_app(settings)
    print(f"LoRA Studio on http://{settings.host}:{settings.port} (data: {settings.data_dir})", flush=True)
    # Open websockets would otherwise hold a graceful shutdown forever.
    config = uvicorn.Config(app, host=settings.host, port=settings.port, log_level=args.log_level,
                            timeout_graceful_shutdown=3)
    install_log_redaction(settings.token)  # after Config: it (re)configures uvicorn's loggers
    uvicorn.Server(config).run()
    return 0


def _demo(args: argparse.Namespace) -> int:
    from backend.demo import build_demo

    settings = _settings(args)
    build_demo(settings.demo_dir, force=args.force and not args.shape)
    if args.shape:
        from backend.demo.shapes import build_shape, parameter_count

        out = Path(args.out).expanduser() if args.out else settings.data_dir / "shapes" / args.shape
        build_shape(args.shape, out, settings.demo_model_dir, force=args.force)
        print(f"{args.shape}: {out} ({parameter_count(out) / 1e6:.1f}M parameters)")
        return 0
    print(f"demo model: {settings.demo_model_dir}")
    print(f"demo datasets: {settings.demo_datasets_dir}")
    return 0


def openapi_schema() -> dict:
    """The app's OpenAPI schema, built without serving (and without touching the user's data root)."""
    import tempfile

    from backend.app import create_app

    with tempfile.TemporaryDirectory(prefix="lora-studio-openapi-") as tmp:
        settings = Settings(data_dir=Path(tmp), include_hf_cache=False, frontend_dist=Path(tmp) / "no-spa")
        app = create_app(settings)
        schema = app.openapi()
        app.state.services.store.close()
    return schema


def _openapi(args: argparse.Namespace) -> int:
    import json

    text = json.dumps(openapi_schema(), indent=2, sort_keys=False) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lora-studio", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the API and web UI")
    serve.add_argument("--host", help="bind address (default 127.0.0.1; others require --token)")
    serve.add_argument("--port", type=int, help="port (default 8000)")
    serve.add_argument("--data-dir", help="data root (default ~/.lora-studio or $LORA_STUDIO_HOME)")
    serve.add_argument("--model-dir", action="append", help="extra model directory (repeatable)")
    serve.add_argument("--token", help="API token required as 'Authorization: Bearer …'")
    serve.add_argument("--no-demo", action="store_true", help="do not build the demo model if absent")
    serve.add_argument("--log-level", default="info")
    serve.set_defaults(func=_serve)
    demo = sub.add_parser("demo", help="build the demo model and datasets under the data root")
    demo.add_argument("--data-dir", help="data root (default ~/.lora-studio or $LORA_STUDIO_HOME)")
    demo.add_argument("--force", action="store_true", help="rebuild even if present")
    demo.add_argument("--shape", choices=sorted(SHAPES),
                      help="also build a realistic-shape model (random weights, the demo tokenizer)")
    demo.add_argument("--out", help="where the --shape model goes (default <data root>/shapes/<shape>)")
    demo.set_defaults(func=_demo)
    openapi = sub.add_parser("openapi", help="print the OpenAPI schema (JSON) without starting a server")
    openapi.add_argument("--output", "-o", help="write to this file instead of stdout")
    openapi.set_defaults(func=_openapi)
    return parser


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    args = build_parser().parse_args(argv)
    sys.exit(args.func(args))
