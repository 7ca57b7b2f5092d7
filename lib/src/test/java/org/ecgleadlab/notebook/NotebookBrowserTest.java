package org.ecgleadlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ecgleadlab.util.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The path a user takes: a classic Notebook server with the project kernel, notebook 00 opened in headless Chromium,
 * Cell → Run All clicked in the page, and the XChart plot must appear in the page as an image. A copy of the notebook
 * is served, so the repository's file keeps no outputs. On failure a screenshot goes to
 * {@code target/notebook-browser/}. Needs {@code jupyter notebook}, {@code chromium} and {@code chromedriver}
 * (Debian: jupyter-notebook, chromium, chromium-driver); skipped without them, failed under CI=true.
 */
class NotebookBrowserTest {
    private static final String NOTEBOOK = "00-kernel-check.ipynb";
    private static final Duration SERVER_STARTUP = Duration.ofSeconds(90);
    /** Until the kernel has started and answered (a start takes 10–20 s on the busy 2-core machine). */
    private static final Duration KERNEL_READY = Duration.ofSeconds(120);
    /** Until every cell has run (DJL loads libtorch in cell 2). */
    private static final Duration CELLS_RUN = Duration.ofSeconds(300);

    /**
     * Selenium warns that it has no DevTools (CDP) support for this Chromium; the test uses plain WebDriver, so the
     * warning says nothing. Held in a field: java.util.logging keeps loggers only weakly.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    @TempDir
    Path jupyterHome;

    @Test
    void runAllInTheBrowserShowsTheInlinePlot() throws Exception {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        JupyterForTests.require(List.of("jupyter", "notebook", "--version"),
                "the classic Jupyter Notebook (Debian: jupyter-notebook)");
        Path chromium = program("chromium", "chromium (Debian: chromium)");
        Path chromedriver = program("chromedriver", "chromedriver (Debian: chromium-driver)");
        JupyterForTests.installKernel(jupyterHome);
        Path notebooks = Files.createDirectories(jupyterHome.resolve("notebooks"));
        Files.copy(ProjectPaths.root().resolve("notebooks").resolve(NOTEBOOK), notebooks.resolve(NOTEBOOK));

        try (NotebookServer server = NotebookServer.start(jupyterHome, notebooks, SERVER_STARTUP)) {
            WebDriver browser = headlessChromium(chromium, chromedriver);
            try {
                runAllAndCheck(browser, server);
            } catch (AssertionError | RuntimeException e) {
                Path shot = screenshot(browser);
                throw new AssertionError(e.getMessage() + "\nscreenshot: " + shot + "\nnotebook server log:\n"
                        + server.logTail(), e);
            } finally {
                browser.quit();
            }
        }
    }

    private static void runAllAndCheck(WebDriver browser, NotebookServer server) {
        browser.get(server.notebookUrl(NOTEBOOK));
        JavascriptExecutor page = (JavascriptExecutor) browser;
        // The page's own kernel object: connected, and holding the kernel_info reply (the kernel answered).
        new WebDriverWait(browser, KERNEL_READY).withMessage("the kernel did not start and answer").until(b ->
                Boolean.TRUE.equals(page.executeScript("const k = window.Jupyter && Jupyter.notebook"
                        + " && Jupyter.notebook.kernel; return !!(k && k.is_connected() && k.info_reply"
                        + " && k.info_reply.language_info);")));
        assertEquals(KernelInstaller.KERNEL_NAME, page.executeScript("return Jupyter.notebook.kernel.name;"));

        browser.findElement(By.id("celllink")).click(); // the "Cell" menu
        browser.findElement(By.cssSelector("#run_all_cells > a")).click();

        List<WebElement> prompts = browser.findElements(By.cssSelector("div.code_cell div.input_prompt"));
        assertTrue(prompts.size() >= 3, "notebook 00 has 3 code cells, the page shows " + prompts.size());
        new WebDriverWait(browser, CELLS_RUN).withMessage("not every cell ran").until(b ->
                b.findElements(By.cssSelector("div.code_cell div.input_prompt")).stream()
                        .allMatch(prompt -> prompt.getText().matches("(?s)In\\s*\\[\\d+\\]:.*")));

        List<WebElement> errors = browser.findElements(By.cssSelector("div.output_error"));
        assertTrue(errors.isEmpty(), "cell errors in the page: "
                + errors.stream().map(WebElement::getText).toList());
        String text = browser.findElement(By.id("notebook-container")).getText();
        assertTrue(text.contains("engine PyTorch"), "cell 2 printed no engine line:\n" + text);
        // The XChart PNG, decoded by the browser: an <img> in an output area with a non-zero natural size.
        List<WebElement> images = browser.findElements(By.cssSelector("div.output_area img"));
        assertTrue(images.stream().anyMatch(img -> img.getAttribute("src").startsWith("data:image/png;base64,")
                && ((Number) page.executeScript("return arguments[0].naturalWidth;", img)).intValue() >= 700),
                "no inline PNG of at least 700 px width (the 700×250 chart) in the page; images: " + images.size());
    }

    private static WebDriver headlessChromium(Path chromium, Path chromedriver) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,2000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** A screenshot of the page into target/notebook-browser/, or the reason there is none. */
    private static Path screenshot(WebDriver browser) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "notebook-browser")).toAbsolutePath();
            Path shot = dir.resolve("00-kernel-check-failure.png");
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            return shot;
        } catch (Exception e) {
            return Path.of("(no screenshot: " + e.getMessage() + ")");
        }
    }

    private static Path program(String name, String install) {
        Optional<Path> found = onPath(name);
        if (found.isEmpty()) {
            JupyterForTests.require(List.of(name, "--version"), install);
        }
        return found.orElseThrow();
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
