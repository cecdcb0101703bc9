"""The build hook for the wheel (the rest is in pyproject.toml's [project]).

The app's top level stays as it is (app.py, workshop/, templates/, static/);
a wheel must still carry the page shells, the scripts and the socket.io
client. So building copies them into the package (workshop/templates,
workshop/static, workshop/vendor), where workshop/files.py finds them once
installed. The compiled catalogs (.mo, `make translations`) are package data.
"""

import runpy
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class build_py_with_app_files(build_py):
    def run(self):
        super().run()
        # Read by path: importing the package would import Flask, absent from an isolated build.
        bundled = runpy.run_path(str(HERE / "workshop" / "files.py"))["BUNDLED"]
        package = Path(self.build_lib) / "workshop"
        if not list((HERE / "workshop" / "translations").glob("*/LC_MESSAGES/*.mo")):
            raise SystemExit("no compiled catalogs: run `make translations` first")
        for inside, source in bundled.items():
            src, dst = HERE / source, package / inside
            if not src.exists():
                raise SystemExit(f"{source} is missing: run `make install` (npm ci, translations) first")
            dst.parent.mkdir(parents=True, exist_ok=True)
            if src.is_dir():
                shutil.copytree(src, dst, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(src, dst)


setup(cmdclass={"build_py": build_py_with_app_files})
