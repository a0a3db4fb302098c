# A month's report of an emulation campaign from a multi-period metrics CSV,
# for Windows (PowerShell 5.1 or 7): the same files as monthly-report.sh.
# The scores and ranks of every group, with the change since the month
# before, as Markdown (to read or mail) and CSV (to open in Excel).
#
# Usage: powershell -ExecutionPolicy Bypass -File examples\monthly-report.ps1 DATA.csv [YYYY-MM] [OUT_DIR]
#   YYYY-MM   month to report; default: last month
#   OUT_DIR   default: reports; the files go to OUT_DIR\YYYY-MM\:
#             report.md (ranks then scores), rank.md, rank.csv, scores.md, scores.csv
# Environment (all optional), as for the shell script:
#   THIDUA    the binary (default: thidua.exe on the PATH)
#   CRITERIA  campaign YAML (default: the built-in plan 236/KH-UBND)
#   TIER      also draw this tier's quota line in the ranks (e.g. huyen)
#   LABELS    vi or en (default: vi)
#
# Task Scheduler, 07:00 on the 3rd of every month: program `powershell`,
# arguments `-ExecutionPolicy Bypass -File C:\thidua\examples\monthly-report.ps1 C:\thidua\data\monthly.csv`.
# The script stops at the first error (exit 1 bad data, 2 bad usage) and
# leaves nothing behind: the files are made in a temporary folder and moved
# to OUT_DIR\YYYY-MM only when all of them are written. A unit with no
# dossier that month is not graded: its class reads "không có hồ sơ trong kỳ".

param(
    [Parameter(Position = 0)][string]$Data,
    [Parameter(Position = 1)][string]$Month,
    [Parameter(Position = 2)][string]$OutDir = 'reports'
)
$ErrorActionPreference = 'Stop'

if (-not $Data) {
    [Console]::Error.WriteLine('usage: monthly-report.ps1 DATA.csv [YYYY-MM] [OUT_DIR]')
    exit 2
}
$thidua = if ($env:THIDUA) { $env:THIDUA } else { 'thidua' }
$labels = if ($env:LABELS) { $env:LABELS } else { 'vi' }

function Get-MonthBefore([string]$m) {
    $d = [datetime]::ParseExact("$m-01", 'yyyy-MM-dd', [Globalization.CultureInfo]::InvariantCulture)
    $d.AddMonths(-1).ToString('yyyy-MM', [Globalization.CultureInfo]::InvariantCulture)
}

if (-not $Month) { $Month = Get-MonthBefore (Get-Date -Format 'yyyy-MM') }
if ($Month -notmatch '^\d{4}-[01]\d$') {
    [Console]::Error.WriteLine("monthly-report.ps1: month must be YYYY-MM, got '$Month'")
    exit 2
}
$dir = Join-Path $OutDir $Month
$prev = Get-MonthBefore $Month
# The first month of the data has nothing to compare with.
if (-not (Select-String -LiteralPath $Data -SimpleMatch ",$prev," -Quiet)) {
    [Console]::Error.WriteLine("monthly-report.ps1: no $prev rows in ${Data}: the report shows no change")
    $prev = ''
}

$work = Join-Path ([IO.Path]::GetTempPath()) ("thidua-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $work | Out-Null
try {
    # One thidua run for the month, with the change since the month before.
    function Invoke-Report([string]$command, [string]$file) {
        $a = @($command, $Data, '--period', $Month, '--lang', $labels, '-o', (Join-Path $work $file))
        if ($prev) { $a += @('--baseline-period', $prev) }
        if ($env:CRITERIA) { $a += @('--criteria', $env:CRITERIA) }
        if ($command -eq 'rank' -and $env:TIER) { $a += @('--tier', $env:TIER) }
        & $thidua @a
        if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    }
    Invoke-Report rank rank.md
    Invoke-Report rank rank.csv
    Invoke-Report score scores.md
    Invoke-Report score scores.csv
    # "tháng 10/2023", as people write a month.
    $shown = '{0}/{1}' -f [int]$Month.Substring(5, 2), $Month.Substring(0, 4)
    $title = if ($labels -eq 'en') { "Emulation campaign report, month $shown" } else { "Báo cáo thi đua tháng $shown" }
    $utf8 = New-Object System.Text.UTF8Encoding $false
    $body = [IO.File]::ReadAllText((Join-Path $work 'rank.md'), $utf8) +
            [IO.File]::ReadAllText((Join-Path $work 'scores.md'), $utf8)
    [IO.File]::WriteAllText((Join-Path $work 'report.md'), "# $title`n`n$body", $utf8)
    New-Item -ItemType Directory -Force -Path $dir | Out-Null
    foreach ($f in 'report.md', 'rank.md', 'rank.csv', 'scores.md', 'scores.csv') {
        Move-Item -Force -LiteralPath (Join-Path $work $f) -Destination (Join-Path $dir $f)
    }
    Write-Output $dir
}
finally {
    Remove-Item -Recurse -Force -LiteralPath $work -ErrorAction SilentlyContinue
}
