package dev.huddle.server.actionlog;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.sift.MDCBasedDiscriminator;
import ch.qos.logback.classic.sift.SiftingAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.sift.AppenderFactory;
import ch.qos.logback.core.spi.LifeCycle;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.util.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.MDCAdapter;

/**
 * The Logback side of the action log: a private {@link LoggerContext} whose root logger feeds
 * <pre>
 *   record() ---&gt; AsyncAppender ---&gt; SiftingAppender ---&gt; FileAppender per route, e.g.
 *   sets the      queue of 2048,     picks the appender     root/30_10_2024/reg_log_30_10_2024.log
 *   MDC route     one worker thread  by the MDC route       root/30_10_2024/chat_log_30_10_2024.log
 * </pre>
 * Callers only enqueue; the worker thread does all file I/O, one event at a time, so a block is
 * always written whole.
 */
final class LogbackPipeline {

    /** MDC key holding the route: the log file's path under the root, without {@code .log}. */
    static final String ROUTE_KEY = "huddle.actionlog.route";

    // Big enough to absorb a burst; when full, callers wait rather than lose a block.
    private static final int QUEUE_SIZE = 2048;
    // One file per action per day: about twenty actions, two days around midnight.
    private static final int MAX_OPEN_FILES = 64;
    private static final Duration IDLE_FILE_TIMEOUT = Duration.buildByMinutes(10);
    // Only reached if the MDC key is missing, which record() never allows.
    private static final String UNROUTED = "unrouted";

    private final LoggerContext context;
    private final MDCAdapter mdc;
    private final AsyncAppender queue;
    private final Logger logger;

    private LogbackPipeline(LoggerContext context, MDCAdapter mdc, AsyncAppender queue) {
        this.context = context;
        this.mdc = mdc;
        this.queue = queue;
        this.logger = context.getLogger(Logger.ROOT_LOGGER_NAME);
    }

    /**
     * Builds and starts the pipeline writing under {@code root}.
     *
     * @throws IllegalStateException if Logback refuses to start an appender
     */
    static LogbackPipeline start(Path root) {
        LoggerContext context = new LoggerContext();
        context.setName("huddle-actionlog");
        // Logback reports every appender it starts, one per action per day; only its warnings and
        // errors are worth the service's log, and nothing should reach the console directly.
        context.getStatusManager().add(new ForwardProblems());
        // A new context has no MDC adapter, and LoggingEvent fails without one. It must be the
        // context's own adapter: org.slf4j.MDC writes to the global context's.
        LogbackMDCAdapter mdc = new LogbackMDCAdapter();
        context.setMDCAdapter(mdc);
        // Without start(), LoggerContext.stop() returns at once and never flushes the appenders.
        context.start();

        MDCBasedDiscriminator discriminator = new MDCBasedDiscriminator();
        discriminator.setContext(context);
        discriminator.setKey(ROUTE_KEY);
        discriminator.setDefaultValue(UNROUTED);
        discriminator.start();

        SiftingAppender files = new SiftingAppender();
        files.setContext(context);
        files.setName("action-files");
        files.setDiscriminator(discriminator);
        files.setAppenderFactory(fileAppenders(root));
        files.setTimeout(IDLE_FILE_TIMEOUT);
        files.setMaxAppenderCount(MAX_OPEN_FILES);
        files.start();
        requireStarted(files);

        AsyncAppender queue = new AsyncAppender();
        queue.setContext(context);
        queue.setName("huddle-actionlog");
        queue.setQueueSize(QUEUE_SIZE);
        // Logback's defaults drop INFO events when the queue is 80% full and, with neverBlock,
        // when it is full; an acknowledged request must never lose its block.
        queue.setDiscardingThreshold(0);
        queue.setNeverBlock(false);
        // 0 = wait for the worker however long it takes; the default (1 s) drops what is left.
        queue.setMaxFlushTime(0);
        queue.addAppender(files);
        queue.start();
        requireStarted(queue);

        Logger rootLogger = context.getLogger(Logger.ROOT_LOGGER_NAME);
        rootLogger.setLevel(Level.INFO);
        rootLogger.addAppender(queue);
        return new LogbackPipeline(context, mdc, queue);
    }

    /** Queues {@code text} for the file at {@code route}; returns before any file I/O. */
    void write(String route, String text) {
        // MDC is per thread and the event copies it when queued, so it must be set around the
        // call on the caller's thread and removed before the thread serves anyone else.
        mdc.put(ROUTE_KEY, route);
        try {
            // No arguments: the text is never parsed for "{}" placeholders.
            logger.info(text);
        } finally {
            mdc.remove(ROUTE_KEY);
        }
    }

    /** Writes out everything queued, closes the files and stops the context. */
    void stop() {
        // Stopping the queue first joins its worker, which drains the queue into the files and
        // then stops the file appenders; only then is it safe to tear the context down.
        queue.stop();
        context.stop();
    }

    private static AppenderFactory<ILoggingEvent> fileAppenders(Path root) {
        return (context, route) -> {
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%msg");
            encoder.setCharset(StandardCharsets.UTF_8);
            encoder.start();

            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setContext(context);
            file.setName(route);
            file.setFile(root.resolve(route + ".log").toString());
            file.setAppend(true);
            file.setEncoder(encoder);
            // Opens the file, creating the day's folder if needed.
            file.start();
            return file;
        };
    }

    private static void requireStarted(LifeCycle component) {
        if (!component.isStarted()) {
            throw new IllegalStateException("action log: Logback did not start " + component);
        }
    }

    /** Passes Logback's own warnings and errors, such as a file that cannot be opened, on. */
    private static final class ForwardProblems implements StatusListener {

        private static final org.slf4j.Logger DIAGNOSTICS = LoggerFactory.getLogger(ActionLog.class);

        @Override
        public void addStatusEvent(Status status) {
            // A file that cannot be opened costs blocks, so it stays an error in the service's log.
            switch (status.getEffectiveLevel()) {
                case Status.ERROR -> DIAGNOSTICS.error("action log: {}", status.getMessage(), status.getThrowable());
                case Status.WARN -> DIAGNOSTICS.warn("action log: {}", status.getMessage(), status.getThrowable());
                default -> { }
            }
        }
    }
}
