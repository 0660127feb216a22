package org.laborwatch.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.laborwatch.contract.Observation;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.policy.Policy;

/**
 * Replays a whole input through a {@link Backtest} region by region, on several threads.
 *
 * <p>Until the breadth policies' national roll-ups, which {@link Backtest#events} builds from all
 * events afterwards, nothing in a backtest crosses regions: a region's series, its composite
 * periods waiting for their deadline, its real-time release tracker and its trigger states are its
 * own (as in the job, where all of them are keyed by region). So each worker takes the next region
 * not yet taken, the busiest first, feeds that region's observations in input order to a backtest
 * of its own (with an engine of its own: a metric instance serves one thread), and the shards are
 * merged at the end. The answer is the one {@link Backtest#accept} gives observation by
 * observation: each region sees the same observations in the same order, and every event is sorted
 * by period, policy, region and sector, which keeps one region's events in their order (issue #13:
 * the backtest of everything was one thread on a 2-core machine).
 *
 * <p>In real time ({@link #asPublished}) an observation of an older release after a newer one of
 * the same series is refused as {@link Backtest#accept} refuses it: the exception raised is the
 * one for the earliest such observation of the input, whichever worker met it.
 */
public final class RegionReplay {

    private final List<Policy> policies;
    private final Supplier<MetricEngine> engines;
    private final boolean asPublished;
    private final int threads;
    private final AtomicLong progress;

    private RegionReplay(Builder b) {
        this.policies = List.copyOf(b.policies);
        this.engines = b.engines;
        this.asPublished = b.asPublished;
        this.threads = b.threads;
        this.progress = b.progress;
    }

    /** A replay to configure: policies and engines are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Fail-fast configuration of a {@link RegionReplay}. */
    public static final class Builder {
        private List<Policy> policies;
        private Supplier<MetricEngine> engines;
        private boolean asPublished;
        private int threads = Runtime.getRuntime().availableProcessors();
        private AtomicLong progress = new AtomicLong();

        private Builder() {}

        /** The policies to run (as {@link Backtest}'s constructor checks them). */
        public Builder policies(List<Policy> policies) {
            Objects.requireNonNull(policies, "policies");
            if (policies.isEmpty()) {
                throw new IllegalArgumentException("a backtest needs at least one policy");
            }
            this.policies = policies;
            return this;
        }

        /** Makes one engine per worker: an engine's metrics keep per-thread caches. */
        public Builder engines(Supplier<MetricEngine> engines) {
            this.engines = Objects.requireNonNull(engines, "engines");
            return this;
        }

        /** Decide in real time ({@link Backtest#asPublished}); the input must be in publication order. */
        public Builder asPublished(boolean asPublished) {
            this.asPublished = asPublished;
            return this;
        }

        /** How many workers (default: one per processor); 1 replays in the calling thread. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Counts the observations replayed, for a progress report read from another thread. */
        public Builder progress(AtomicLong progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public RegionReplay build() {
            if (policies == null || engines == null) {
                throw new IllegalStateException("a replay needs its policies and an engine supplier");
            }
            RegionReplay replay = new RegionReplay(this);
            replay.newBacktest(); // refuses a policy set the backtest cannot run before any thread starts
            return replay;
        }
    }

    private Backtest newBacktest() {
        return new Backtest(policies, engines.get(), asPublished);
    }

    /**
     * Every observation, in input order (in real time: publication order), then the end of the
     * input: the composite periods still waiting are evaluated and, in real time, the last release
     * of every region applied. The backtest returned takes no more observations.
     *
     * @throws Backtest.PublicationOrderException in real time, for the earliest observation of an
     *     older release after a newer one of the same series
     */
    public Backtest run(List<Observation> observations) {
        List<RegionInput> regions = byRegion(observations);
        int workers = Math.min(threads, Math.max(1, regions.size()));
        ConcurrentLinkedQueue<RegionInput> queue = new ConcurrentLinkedQueue<>(regions);
        List<Shard> shards = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            shards.add(new Shard(newBacktest()));
        }
        if (workers == 1) {
            shards.get(0).replay(queue, observations);
        } else {
            AtomicLong started = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "laborwatch-replay-" + started.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> done = new ArrayList<>();
                shards.forEach(s -> done.add(pool.submit(() -> s.replay(queue, observations))));
                for (Future<?> f : done) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("backtest interrupted", e);
            } catch (ExecutionException e) {
                // The input's failures are kept by the shards; what ends a shard's replay otherwise
                // (in its last release or composites, or an Error) is thrown as one thread would.
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        Shard failed = shards.stream().filter(s -> s.failure != null)
                .min(Comparator.comparingInt(s -> s.failedAt)).orElse(null);
        if (failed != null) {
            throw failed.failure;
        }
        Backtest merged = newBacktest();
        shards.forEach(s -> merged.absorb(s.backtest));
        merged.seal();
        return merged;
    }

    /** One region's observations, by their index in the input. */
    private record RegionInput(String region, int[] indexes) {}

    /** The regions in the order workers take them: the most observations first, so no long one starts last. */
    private static List<RegionInput> byRegion(List<Observation> observations) {
        Map<String, Indexes> byRegion = new HashMap<>();
        for (int i = 0; i < observations.size(); i++) {
            byRegion.computeIfAbsent(observations.get(i).region(), r -> new Indexes()).add(i);
        }
        List<RegionInput> regions = new ArrayList<>();
        byRegion.forEach((r, ix) -> regions.add(new RegionInput(r, Arrays.copyOf(ix.at, ix.size))));
        regions.sort(Comparator.comparingInt((RegionInput r) -> -r.indexes().length).thenComparing(RegionInput::region));
        return regions;
    }

    /** A growing list of ints: a region's indexes without a boxed Integer each. */
    private static final class Indexes {
        int[] at = new int[64];
        int size;

        void add(int i) {
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
            }
            at[size++] = i;
        }
    }

    /** A worker's backtest and the first failure it met (a region stops at its first; the others go on). */
    private final class Shard {
        final Backtest backtest;
        RuntimeException failure;
        int failedAt = Integer.MAX_VALUE;

        Shard(Backtest backtest) {
            this.backtest = backtest;
        }

        void replay(ConcurrentLinkedQueue<RegionInput> queue, List<Observation> observations) {
            RegionInput region;
            while ((region = queue.poll()) != null) {
                int fed = 0;
                for (int i : region.indexes()) {
                    if (i > failedAt) {
                        break; // an earlier failure is already the answer
                    }
                    try {
                        backtest.accept(observations.get(i));
                    } catch (RuntimeException e) {
                        failure = e;
                        failedAt = i;
                        break;
                    }
                    if (++fed == 4096) {
                        progress.addAndGet(fed);
                        fed = 0;
                    }
                }
                progress.addAndGet(fed);
            }
            if (failure == null) {
                backtest.finish();
                backtest.settle();
            }
        }
    }
}
