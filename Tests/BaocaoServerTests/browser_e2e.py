#!/usr/bin/env python3
"""A whole period in a real browser (headless Chromium through selenium) against `baocao serve`.

Run by BrowserTests.swift, which starts the server on a random loopback port over a temporary
copy of the test fixture with the accounts canbo (officer), ttpv (unit ttpvhcc) and lanhdao
(viewer), password matkhau123. Screenshots of each page go to --out. Exits non-zero with a
message on the first thing that is not as expected.
"""
import argparse
import io
import os
import sys
import urllib.error
import urllib.request
import zipfile

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

PASSWORD = "matkhau123"
PERIOD = "2026-Q4"


def fail(message):
    print("browser_e2e: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


class Browser:
    def __init__(self, base, out):
        self.base = base
        self.out = out
        self.shots = 0
        options = Options()
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400", "--lang=vi"]:
            options.add_argument(argument)
        self.driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
        self.driver.set_page_load_timeout(60)

    def open(self, path):
        self.driver.get(self.base + path)

    def shot(self, name):
        self.shots += 1
        path = os.path.join(self.out, "%02d-%s.png" % (self.shots, name))
        self.driver.save_screenshot(path)
        print("browser_e2e: screenshot " + path)

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def click(self, element):
        """Clicks a button or link and waits until the next page has replaced this one.

        The old page is marked with a script variable, and the wait ends when a window without the
        mark has finished loading. (Waiting for the old <html> element to go stale is flaky with
        chromedriver: asking about a node of a page being replaced may fail with "Node with given
        id does not belong to the document" instead of reporting it stale.)"""
        self.driver.execute_script("window.__baocaoOldPage = true;")
        element.click()

        def replaced(driver):
            try:
                return driver.execute_script(
                    "return window.__baocaoOldPage === undefined && document.readyState === 'complete';")
            except WebDriverException:
                return False  # between the two pages

        WebDriverWait(self.driver, 120).until(replaced)

    def field(self, element_id):
        return self.driver.find_element(By.ID, element_id)

    def type(self, element_id, value):
        element = self.field(element_id)
        element.clear()
        element.send_keys(value)

    def log_in(self, name):
        self.driver.delete_all_cookies()
        self.open("/dang-nhap")
        self.type("ten", name)
        self.type("mat-khau", PASSWORD)
        self.click(self.field("dang-nhap"))
        check("Đăng xuất" in self.text(), "%s could not log in: %s" % (name, self.text()[:300]))

    def get(self, path):
        """A GET with this browser's session cookie: (status, bytes)."""
        cookie = "; ".join("%s=%s" % (c["name"], c["value"]) for c in self.driver.get_cookies())
        request = urllib.request.Request(self.base + path, headers={"Cookie": cookie})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def quit(self):
        self.driver.quit()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    b = Browser(args.url.rstrip("/"), args.out)
    try:
        # The officer sees that the centre has not sent its figures for the quarter.
        b.log_in("canbo")
        b.open("/?ky=" + PERIOD)
        row = b.field("don-vi-ttpvhcc").text
        check("CHƯA NỘP" in row, "before: the centre's row should say CHƯA NỘP: " + row)
        b.shot("bang-theo-doi-truoc")

        # 1. The unit logs in and enters figures with one mistake.
        b.log_in("ttpv")
        b.shot("trang-don-vi")
        b.open("/du-lieu/%s/ttpvhcc" % PERIOD)
        b.type("f.hs_ky_truoc", "6a1")
        b.type("f.hs_moi_truc_tuyen", "1520")
        b.type("f.tt_hs_tiep_nhan", "2100")
        b.type("n.activities.0.text", "Hướng dẫn người dân nộp hồ sơ trực tuyến tại Trung tâm (số liệu minh họa).")
        b.shot("bieu-mau-co-loi-chua-luu")
        b.click(b.field("luu"))
        # 2. The located error appears next to the field; nothing is saved; it is fixed and saved.
        errors = b.driver.find_elements(By.CSS_SELECTOR, 'p.error[data-field="f.hs_ky_truoc"]')
        check(len(errors) == 1, "the error should be next to f.hs_ky_truoc: " + b.text()[:500])
        check("figures.hs_ky_truoc: cần một số, gặp '6a1'" in errors[0].text, "the loader's words: " + errors[0].text)
        check(b.field("f.hs_moi_truc_tuyen").get_attribute("value") == "1520", "the other values are kept")
        b.shot("bieu-mau-bao-loi")
        b.type("f.hs_ky_truoc", "631")
        b.click(b.field("luu"))
        check("Đã lưu số liệu vào" in b.text(), "saved: " + b.text()[:500])
        check(b.field("f.hs_ky_truoc").get_attribute("value") == "631", "the saved value is shown")
        b.shot("bieu-mau-da-luu")
        # 6. A unit user opening another unit's form gets 403.
        status, body = b.get("/du-lieu/%s/tchcqt" % PERIOD)
        check(status == 403, "another unit's form: HTTP %d" % status)
        b.open("/du-lieu/%s/tchcqt" % PERIOD)
        check("không được xem hay sửa số liệu của đơn vị tchcqt" in b.text(), "refusal page: " + b.text()[:300])
        b.shot("don-vi-khac-403")

        # 3. The officer sees the status change, compiles and previews the report.
        b.log_in("canbo")
        b.open("/?ky=" + PERIOD)
        row = b.field("don-vi-ttpvhcc").text
        check("CHƯA NỘP" not in row and "còn thiếu" in row, "after: the centre's row changed: " + row)
        b.shot("bang-theo-doi-sau")
        b.click(b.field("bao-cao"))
        b.type("so", "25")
        b.type("ngay", "2026-12-18")
        b.click(b.field("bien-soan"))
        check("Đã biên soạn báo cáo quý IV năm 2026." in b.text(), "compiled: " + b.text()[:500])
        check(len(b.driver.find_elements(By.ID, "ban-v001")) == 1, "version v001 listed")
        b.shot("bao-cao-da-bien-soan")
        b.open("/bao-cao/%s/v001/xem" % PERIOD)
        check("BÁO CÁO" in b.text().upper(), "the preview shows the report")
        b.shot("xem-bao-cao")
        # 4. The DOCX downloads and opens (a zip with word/document.xml).
        status, docx = b.get("/bao-cao/%s/v001/tai/docx" % PERIOD)
        check(status == 200, "DOCX download: HTTP %d" % status)
        with zipfile.ZipFile(io.BytesIO(docx)) as archive:
            names = archive.namelist()
            check("word/document.xml" in names, "DOCX parts: %s" % names)
            check(b"1520" in archive.read("word/document.xml") or b"1.520" in archive.read("word/document.xml"),
                  "the entered figure is in the report")
        with open(os.path.join(args.out, "bao-cao-%s.docx" % PERIOD), "wb") as saved:
            saved.write(docx)
        # 5. The officer marks the version sent, with its number and date.
        b.open("/bao-cao/" + PERIOD)
        form = b.field("ban-v001")
        form.find_element(By.NAME, "so").send_keys("25")
        form.find_element(By.NAME, "ngay").send_keys("2026-12-19")
        b.click(form.find_element(By.TAG_NAME, "button"))
        check("ĐÃ GỬI 19/12/2026 (số 25)" in b.field("ban-v001").text, "sent mark: " + b.field("ban-v001").text)
        b.shot("da-gui")
    finally:
        b.quit()
    print("browser_e2e: ok, %d screenshots in %s" % (b.shots, args.out))


if __name__ == "__main__":
    main()
