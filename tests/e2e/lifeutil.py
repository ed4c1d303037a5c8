"""Helpers shared by the tests of a client's life (contact, rename, merge, rm, undo, log):
the folder as bytes, and the check every refusal must pass."""
import os

from harness import CrmTestCase, changed_lines



class LifeTestCase(CrmTestCase):
    def files(self):
        """Every file of the folder but .git and .crm, with its bytes."""
        out = {}
        for root, dirs, names in os.walk(self.dir):
            dirs[:] = [d for d in dirs if d not in (".git", ".crm")]
            for name in names:
                path = os.path.join(root, name)
                with open(path, "rb") as f:
                    out[os.path.relpath(path, self.dir)] = f.read()
        return out

    def state(self):
        """What a refusal must leave as it was: HEAD, git's status and every file."""
        return (self.git("rev-parse", "HEAD"), self.git("status", "--porcelain"), self.files())

    def assertRefused(self, *args, code=1, says=None, **kw):
        """crm ARGS fails with `code`, one error line and a hint, and changes nothing."""
        before = self.state()
        r = self.crm_in(*args, **kw)
        self.assertEqual(r.code, code, r)
        lines = r.err.splitlines()
        self.assertTrue(lines and lines[0].startswith("crm: error: "), r)
        self.assertEqual(len(lines), 2, r)
        self.assertTrue(lines[1].startswith("hint: "), r)
        if says:
            self.assertIn(says, r.err)
        self.assertEqual(self.state(), before)
        return r

    def assertCheckClean(self):
        r = self.crm_in("check")
        self.assertEqual(r.code, 0, r)
        self.assertNotIn("warning", r.out)

    def trailer(self, rev="HEAD"):
        return self.git("log", "-1", "--format=%(trailers:key=Crm-Command,valueonly)", rev).strip()
