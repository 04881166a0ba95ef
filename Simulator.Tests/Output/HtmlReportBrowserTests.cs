using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Simulator.Tests.Cli;
using SkiaSharp;

namespace Simulator.Tests.Output;

/// <summary>
/// report.html in a real headless Chromium (Debian's chromium and chromium-driver): it loads without console errors,
/// its tables sort, and it renders something. On CI (CI=true) the browser must be there; elsewhere the tests are
/// skipped with a message when it is not.
/// </summary>
[NonParallelizable]
public sealed class HtmlReportBrowserTests
{
    private static readonly string[] Browsers = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    private const string Driver = "/usr/bin/chromedriver";

    private string _root = string.Empty;
    private string _report = string.Empty;
    private ChromeDriver? _browser;

    [OneTimeSetUp]
    public void CompareQuickstartAndOpenABrowser()
    {
        var browser = Browsers.FirstOrDefault(File.Exists);
        if (browser is null || !File.Exists(Driver))
        {
            var missing = $"needs Chromium ({string.Join(" or ", Browsers)}) and {Driver}: apt-get install chromium chromium-driver";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("on CI the browser tests must run; " + missing);
            }

            Assert.Ignore("skipped: " + missing);
        }

        _root = Path.Combine(Path.GetTempPath(), "linesim-report-" + Guid.NewGuid().ToString("N"));
        var output = Path.Combine(_root, "compare");
        var (code, _, stderr) = EndToEndCli.Run("compare", BundledScenarios.PathOf("quickstart.yaml"), "-n", "2", "--out", output);
        Assert.That(code, Is.Zero, stderr);
        _report = Path.Combine(output, "report.html");

        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,2000");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        _browser = new ChromeDriver(service, options, TimeSpan.FromMinutes(2));
    }

    [OneTimeTearDown]
    public void CloseTheBrowser()
    {
        _browser?.Quit();
        _browser?.Dispose();
        if (_root.Length > 0 && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private ChromeDriver Browser => _browser ?? throw new InvalidOperationException("no browser");

    private IReadOnlyList<LogEntry> Open(string url)
    {
        Browser.Navigate().GoToUrl(url);
        return Browser.Manage().Logs.GetLog(LogType.Browser);
    }

    [Test]
    public void The_console_check_sees_a_script_error()
    {
        // The check below is only worth something if a broken page does show up in the log.
        var log = Open("data:text/html,<html><body><script>notDefinedAnywhere();</script></body></html>");

        Assert.That(log.Where(e => e.Level == LogLevel.Severe).Select(e => e.Message), Has.Some.Contains("notDefinedAnywhere"));
    }

    [Test]
    public void The_report_loads_without_console_errors_and_shows_every_section()
    {
        var log = Open(new Uri(_report).AbsoluteUri);

        Assert.Multiple(() =>
        {
            Assert.That(log.Where(e => e.Level is LogLevel.Severe or LogLevel.Warning).Select(e => e.Message), Is.Empty);
            Assert.That(Browser.Title, Does.Contain("policy comparison"));
            var headings = Browser.FindElements(By.CssSelector("h2")).Select(h => h.Text).ToList();
            Assert.That(headings, Is.SupersetOf(new[] { "Headline", "Lines", "Policies on the same seeds", "Multi-tier map" }));
            Assert.That(headings.Count(h => h.StartsWith("Chart: line-status", StringComparison.Ordinal)), Is.EqualTo(3), "a line-status chart per policy");
            Assert.That(Browser.FindElements(By.CssSelector("figure svg")).Count, Is.GreaterThanOrEqualTo(6));
        });
    }

    [Test]
    public void Clicking_a_numeric_heading_sorts_the_rows_and_a_second_click_reverses_them()
    {
        Open(new Uri(_report).AbsoluteUri);
        var table = Browser.FindElements(By.CssSelector("table.sortable")).First();
        var headers = table.FindElements(By.CssSelector("th")).ToList();
        var column = headers.FindIndex(h => h.Text.StartsWith("lost units", StringComparison.Ordinal));
        Assert.That(column, Is.GreaterThanOrEqualTo(0));

        List<double> Values() => table.FindElements(By.CssSelector("tbody tr"))
            .Select(r => double.Parse(r.FindElements(By.CssSelector("td"))[column].GetAttribute("data-sort")!, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        var before = Values();
        headers[column].Click();
        var ascending = Values();
        headers[column].Click();
        var descending = Values();

        Assert.Multiple(() =>
        {
            Assert.That(before, Has.Count.EqualTo(6), "3 policies x 2 lines");
            Assert.That(before, Is.Not.Ordered, "the scenario's order is not already sorted, so sorting is seen");
            Assert.That(ascending, Is.Ordered.Ascending.And.EquivalentTo(before));
            Assert.That(descending, Is.Ordered.Descending.And.EquivalentTo(before));
            Assert.That(headers[column].GetAttribute("aria-sort"), Is.EqualTo("descending"));
        });
    }

    [Test]
    public void A_screenshot_of_the_report_is_not_blank()
    {
        Open(new Uri(_report).AbsoluteUri);
        using var image = SKBitmap.Decode(Browser.GetScreenshot().AsByteArray);

        var background = image.GetPixel(0, 0);
        var differing = 0;
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < image.Height; y += 4)
        {
            for (var x = 0; x < image.Width; x += 4)
            {
                var pixel = image.GetPixel(x, y);
                colours.Add(pixel);
                if (pixel != background)
                {
                    differing++;
                }
            }
        }

        var sampled = (image.Width / 4) * (image.Height / 4);
        Assert.Multiple(() =>
        {
            Assert.That(image.Width, Is.GreaterThanOrEqualTo(800), "the window is 1280 wide");
            Assert.That(differing, Is.GreaterThan(sampled / 20), "at least 5 % of the page is not background");
            Assert.That(colours, Has.Count.GreaterThan(20), "text, tables and charts, not a flat page");
        });
    }
}
