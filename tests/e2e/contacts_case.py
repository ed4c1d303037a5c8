"""What the tests of contacts in and out share (test_contacts_io, test_import_real): the
files as real programs export them (tests/data/import/), copied to where a user's file
would be, imported into a fresh folder, and the clients read back."""
import shutil
from pathlib import Path

from harness import CrmTestCase

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


class ContactsTestCase(CrmTestCase):
    def setUp(self):
        super().setUp()
        self.init()

    def fixture(self, name):
        # A copy, so the message and commit name the file as a user's would be named.
        path = self.tmp / name
        shutil.copyfile(DATA / name, path)
        return path

    def imported(self, name, *extra, check=0):
        return self.crm_in("import", str(self.fixture(name)), *extra, check=check)

    def client(self, slug):
        return self.load(f"clients/{slug}/client.yaml")

    def client_without_uids(self, slug):
        """Each contact's uid checked and left out: the rest is what the file said."""
        data = self.client(slug)
        for c in data.get("contacts", []):
            self.assertRegex(c.pop("uid"), r"^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$")
        return data

    def warnings(self, r):
        return [line for line in r.err.splitlines() if line.startswith("crm: warning:")]

    def clients(self):
        return sorted(p.parent.name for p in (self.dir / "clients").glob("*/client.yaml"))

    def assert_checked(self):
        r = self.crm_in("check")
        self.assertEqual(r.code, 0, r)
