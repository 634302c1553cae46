"""The partnership report as an office prints it: the district's 2021 XLSX from `rencheng`,
rendered by LibreOffice headless to PDF, then to PNG (poppler's pdftoppm); the PDF's pages are
landscape, one per sheet, and say what the sheets say.

Skipped when LibreOffice or poppler is missing: `make report-check` installs them and runs this
test, keeping the files in build/report/ (YM_REPORT_DIR); docs/report-*.png are copies."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from graph.driver import Database
from tests.conftest import gid, token

TOOLS = ("soffice", "pdfinfo", "pdftotext", "pdftoppm")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(
    bool(MISSING),
    reason=f"{', '.join(MISSING)} not installed: `make report-check` installs LibreOffice Calc "
    "and poppler-utils with apt-get and runs this test",
)

# The workbook's sheets in order: each prints on one landscape page for the district.
SHEETS = ["封面", "报告信息", "联建共建", "资源链接", "联合活动", "项目品牌", "诉求办理", "资金",
          "下级分布", "下级分布图", "主要合作伙伴"]  # fmt: skip
TOWNS = ["古槐街道", "济阳街道", "唐口街道", "长沟镇", "喻屯镇"]


def _run(*args: str) -> str:
    done = subprocess.run(args, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done.stdout


async def test_the_report_renders_as_landscape_pages_one_per_sheet(
    rencheng: Database, client: httpx.AsyncClient, tmp_path: Path
) -> None:
    out = Path(os.environ.get("YM_REPORT_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    response = await client.get(
        "/reports/partnership.xlsx",
        params={"orgId": gid("Organization", "RC"), "from": "2021-01-01", "to": "2021-12-31"},
        headers={"Authorization": f"Bearer {token('DISTRICT_ADMIN', 'RC')}"},
    )
    assert response.status_code == 200, response.text
    xlsx = out / "partnership-RC-2021.xlsx"
    xlsx.write_bytes(response.content)
    pdf = out / "partnership-RC-2021.pdf"
    pdf.unlink(missing_ok=True)
    profile = tmp_path / "lo-profile"  # its own profile: runs beside a desktop LibreOffice
    _run("soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out), str(xlsx))  # fmt: skip
    assert pdf.exists()

    info = _run("pdfinfo", "-f", "1", "-l", "999", str(pdf))
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    assert pages == len(SHEETS)
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    assert len(sizes) == pages
    for width, height in sizes:
        assert float(width) > float(height)  # landscape
        assert round(float(width)) == 842 and round(float(height)) == 595  # A4

    for page, sheet in enumerate(SHEETS, 1):
        text = _run("pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-")
        # the page header names the report and the sheet; the footer counts the pages
        assert "任城区团组织联建共建报告" in text and sheet in text, (page, sheet, text)
        assert f"第 {page} 页，共 {pages} 页" in text, (page, text)
        if sheet == "封面":
            for words in ("共青团济宁市任城区委员会", "2021-01-01 至 2021-12-31", "制表日期",
                          "主要数据", "200,000"):  # fmt: skip
                assert words in text, words
        if sheet == "下级分布":
            assert "合计" in text and all(town in text for town in TOWNS)
        if sheet == "下级分布图":
            # the legend (the units' names along the axis are drawn turned: no words to read)
            assert "活动数" in text and "联合活动数" in text and "提出诉求" in text

    _run("pdftoppm", "-png", "-r", "90", str(pdf), str(out / "page"))
    pngs = sorted(out.glob("page-*.png"))
    assert len(pngs) == pages and all(png.stat().st_size > 10_000 for png in pngs)
