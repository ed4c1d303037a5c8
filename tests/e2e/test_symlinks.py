"""Files in the folder are data, never paths to follow (issue 22, finding 6): a link a
teammate committed, to a file or a folder outside, is never read through. Every reading
command skips it with a warning naming the link (never what it points to), as `crm check`
reports it; `crm rm` of a client with a linked subfolder removes the link itself, whole,
in one commit, and leaves what it pointed to alone."""
import os
import unittest

from harness import CrmTestCase

SECRET = "TOPSECRET-4711"
OUTSIDE_VISIT = f"""\
date: 2026-11-20
by: Eve Outsider
kind: visit
notes: {SECRET} notes
promises:
  - what: {SECRET} promise
    due: 2026-11-24
"""
OUTSIDE_CLIENT = f"name: {SECRET} Corp\nstage: client\ncontacts:\n  - name: {SECRET} Person\n"
OUTSIDE_REVIEW = f"date: 2026-11-20\nby: Eve\nproject: {SECRET}\nrating: angry\n"


class SymlinkTest(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()
        self.outside = self.tmp / "outside"
        (self.outside / "visits").mkdir(parents=True)
        (self.outside / "visit.yaml").write_text(OUTSIDE_VISIT)
        (self.outside / "client.yaml").write_text(OUTSIDE_CLIENT)
        (self.outside / "visits" / "2026-11-20-eve-000001.yaml").write_text(OUTSIDE_VISIT)
        (self.outside / "review.yaml").write_text(OUTSIDE_REVIEW)
        for name in ("Acme", "Beta", "Gamma"):
            self.crm_in("add-client", name, check=0)
        self.crm_in("log-visit", "acme", "A real visit", "--promise", "Send the quote by 2026-11-25",
                    check=0)
        # A visit and a review that are links to files outside.
        (self.dir / "clients/acme/reviews").mkdir()
        os.symlink(self.outside / "visit.yaml", self.dir / "clients/acme/visits/2026-11-20-eve-aaaaaa.yaml")
        os.symlink(self.outside / "review.yaml", self.dir / "clients/acme/reviews/2026-11-20-eve-bbbbbb.yaml")
        # A visits folder that is a link to a folder outside.
        os.symlink(self.outside / "visits", self.dir / "clients/beta/visits")
        # A client.yaml that is a link.
        (self.dir / "clients/gamma/client.yaml").unlink()
        os.symlink(self.outside / "client.yaml", self.dir / "clients/gamma/client.yaml")
        # A client folder that is a link.
        os.symlink(self.outside, self.dir / "clients/delta")
        self.git("add", "-A")
        self.git("commit", "-qm", "a teammate's links")
        self.links = ["clients/acme/visits/2026-11-20-eve-aaaaaa.yaml",
                      "clients/acme/reviews/2026-11-20-eve-bbbbbb.yaml",
                      "clients/beta/visits", "clients/gamma/client.yaml", "clients/delta"]

    def assertNothingFollowed(self, r, *args):
        for stream in (r.out, r.err):
            self.assertNotIn(SECRET, stream, f"crm {args} read through a link: {r}")
            self.assertNotIn(str(self.outside), stream, f"crm {args} named a link's target: {r}")

    def test_no_reading_command_reads_through_a_link(self):
        commands = [
            ("show", "acme"), ("show", "acme", "--format", "json"), ("show", "beta"),
            ("show", "gamma"), ("list",), ("list", "--format", "json"), ("search", "eve"),
            ("search", "notes"), ("due",), ("due", "--format", "json"), ("promises",),
            ("promises", "acme"), ("reviews",), ("portfolio",), ("funnel",), ("pipeline",),
            ("news", "--since", "2026-01-01"), ("export", "--format", "json"),
            ("export", "--format", "csv"), ("check",), ("log",),
            ("__complete", "contact", "rm", "gamma", ""),
        ]
        warned = set()
        for args in commands:
            r = self.crm_in(*args)
            self.assertNothingFollowed(r, *args)
            self.assertNotIn("Traceback", r.err)
            self.assertIn(r.code, (0, 1, 2), r)
            for link in self.links:
                if f"{link}: is a symbolic link" in r.err:
                    warned.add((args[0], link))
        # Reports that read the whole folder name every link they skip.
        for command in ("due", "promises", "reviews", "export", "search", "list"):
            for link in self.links:
                if command == "list" and link.startswith("clients/acme/"):
                    continue  # list reads client.yaml files only
                if command == "list" and link == "clients/beta/visits":
                    continue
                self.assertIn((command, link), warned, f"crm {command} did not name {link}")
        self.assertIn(("show", "clients/acme/visits/2026-11-20-eve-aaaaaa.yaml"), warned)
        self.assertIn(("show", "clients/beta/visits"), warned)
        # Skipped files make a report exit 1, as any unreadable file does.
        self.assertEqual(self.crm_in("due").code, 1)

    def test_a_real_record_beside_a_link_is_read(self):
        r = self.crm_in("promises", "acme")
        self.assertIn("Send the quote", r.out)
        self.assertNothingFollowed(r)

    def test_done_never_writes_through_a_link(self):
        r = self.crm_in("done", "acme", "4711 promise")
        self.assertEqual(r.code, 1, r)
        self.assertNothingFollowed(r)
        self.assertEqual((self.outside / "visit.yaml").read_text(), OUTSIDE_VISIT)

    def test_edit_and_set_refuse_a_linked_client_file(self):
        for args in (("set", "gamma", "tier", "A"), ("edit", "gamma"),
                     ("contact", "add", "gamma", "Jo <jo@x.example>")):
            r = self.crm_in(*args, env={"EDITOR": "true", "VISUAL": "true"})
            self.assertEqual(r.code, 1, r)
            self.assertIn("symbolic link", r.err)
            self.assertNothingFollowed(r, *args)
        self.assertEqual((self.outside / "client.yaml").read_text(), OUTSIDE_CLIENT)

    def test_rm_removes_a_linked_subfolder_itself_in_one_commit(self):
        r = self.crm_in("rm", "beta", "--yes", check=0)
        self.assertNothingFollowed(r)
        self.assertFalse(os.path.lexists(self.dir / "clients/beta"))
        self.assertEqual(self.last_commit_files(),
                         ["clients/beta/client.yaml", "clients/beta/visits"])
        self.assertEqual(self.git("status", "--porcelain"), "")
        # What the link pointed to is untouched.
        self.assertEqual((self.outside / "visits" / "2026-11-20-eve-000001.yaml").read_text(),
                         OUTSIDE_VISIT)
        # And the next command has nothing of it to commit.
        self.crm_in("add-client", "Epsilon", check=0)
        self.assertEqual(self.last_commit_files(), ["clients/epsilon/client.yaml"])

    def test_rm_of_a_client_whose_file_is_a_link(self):
        r = self.crm_in("rm", "gamma", "--yes", check=0)
        self.assertNothingFollowed(r)
        self.assertEqual(self.last_commit_files(), ["clients/gamma/client.yaml"])
        self.assertTrue((self.outside / "client.yaml").is_file())


if __name__ == "__main__":
    unittest.main()
