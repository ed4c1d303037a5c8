"""The installed library: `cmake --install` to a prefix gives a package that a separate
project (examples/due-api) finds with find_package(crm), links as crm::crm, and uses to
compute what is due over a folder: the same items, in the same order, as `crm due`.

Usage (ctest runs it): python3 test_install.py BUILD_DIR SOURCE_DIR CRM_BINARY
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

BUILD, SOURCE, CRM = (Path(a) for a in sys.argv[1:4])
TODAY = "2026-11-23"


def run(*args, **kw):
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True, **kw)


class InstalledPackage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="crm-package-"))
        cls.prefix = cls.tmp / "prefix"
        run("cmake", "--install", BUILD, "--prefix", cls.prefix)
        app = cls.tmp / "app"
        # A clean environment: the package is found through CMAKE_PREFIX_PATH alone.
        run("cmake", "-S", SOURCE / "examples" / "due-api", "-B", app,
            f"-DCMAKE_PREFIX_PATH={cls.prefix}", "-DCMAKE_BUILD_TYPE=Debug")
        run("cmake", "--build", app, "-j2")
        cls.app = app / "due-api"
        cls.folder = cls.tmp / "consultancy"
        shutil.copytree(SOURCE / "examples" / "consultancy", cls.folder)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_layout(self):
        p = self.prefix
        self.assertTrue((p / "bin" / "crm").is_file())
        self.assertTrue((p / "share" / "man" / "man1" / "crm.1").is_file())
        self.assertTrue((p / "lib" / "cmake" / "crm" / "crm-config.cmake").is_file()
                        or any(p.glob("lib*/cmake/crm/crm-config.cmake")))
        headers = {h.relative_to(p / "include").as_posix() for h in (p / "include").rglob("*.hpp")}
        for h in ("crm/store/folder.hpp", "crm/reports/due.hpp", "crm/model/date.hpp",
                  "crm/schema/records.hpp", "crm/util/format.hpp"):
            self.assertIn(h, headers)
        # Only the library's layers, and never a source or a private header.
        self.assertEqual({h.split("/")[1] for h in headers},
                         {"util", "os", "model", "yaml", "schema", "git", "store", "reports"})
        self.assertFalse(any(p.rglob("*.cpp")))
        self.assertNotIn("crm/schema/engine.hpp", headers)

    def test_due_equals_crm_due(self):
        got = run(self.app, self.folder, TODAY).stdout.splitlines()
        env = dict(os.environ, CRM_TODAY=TODAY, CRM_USER="Test")
        due = json.loads(run(CRM, "--dir", self.folder, "due", "--format", "json",
                             env=env).stdout)
        expected = [f"{i['due']}  {i['type']:<9}  {i['name']}  {i.get('what', '')}"
                    for i in due["items"]]
        self.assertGreater(len(expected), 3)
        self.assertEqual([line.rstrip() for line in got], [e.rstrip() for e in expected])

    def test_bad_day_is_an_error(self):
        r = subprocess.run([str(self.app), str(self.folder), "someday"], capture_output=True,
                           text=True)
        self.assertEqual(r.returncode, 1)
        self.assertIn("'someday' is not a date", r.stderr)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
