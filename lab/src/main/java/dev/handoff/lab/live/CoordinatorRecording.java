package dev.handoff.lab.live;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one group's flight recording from the lab's own Handoff broker while the run goes on: the broker keeps a
 * bounded number of events per group ({@code handoff.flight.recorder.events.per.group}), so it is read every
 * second, each time from the last sequence read ({@code after=}), rather than once at the end.
 */
final class CoordinatorRecording implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(CoordinatorRecording.class);
    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final ScheduledExecutorService poller =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("lab-coordinator-recording"));
    private final URI timeline;
    private final List<CoordinatorEvent> events = new ArrayList<>();
    private long lastSequence;
    private long dropped;

    private CoordinatorRecording(URI timeline) {
        this.timeline = timeline;
    }

    /**
     * @param consoleUrl the broker's console, e.g. {@code http://127.0.0.1:41234/}
     * @param groupId    the group to follow
     */
    static CoordinatorRecording start(String consoleUrl, String groupId) {
        URI timeline = URI.create(consoleUrl.endsWith("/") ? consoleUrl : consoleUrl + "/")
            .resolve("api/groups/" + URLEncoder.encode(groupId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/timeline");
        CoordinatorRecording recording = new CoordinatorRecording(timeline);
        recording.poller.scheduleWithFixedDelay(recording::pollQuietly, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return recording;
    }

    /** Stops polling, reads what is left and returns every event read, oldest first. */
    List<CoordinatorEvent> finish() throws InterruptedException {
        poller.shutdown();
        poller.awaitTermination(REQUEST_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        pollQuietly();
        synchronized (this) {
            if (dropped > 0) {
                LOGGER.warn("The broker dropped {} old events of the group's recording (it keeps "
                    + "handoff.flight.recorder.events.per.group); any not read before are missing from the zoom",
                    dropped);
            }
            return List.copyOf(events);
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (IOException | RuntimeException e) {
            LOGGER.debug("Could not read the coordinator's recording from {}: {}", timeline, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void poll() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(timeline + "?after=" + lastSequence))
            .timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        RecordedTimeline read = RecordedTimeline.parse(response.body());
        for (CoordinatorEvent event : read.events()) {
            if (event.sequence() > lastSequence) {
                events.add(event);
                lastSequence = event.sequence();
            }
        }
        dropped = read.dropped();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
