package dev.fovea.training.store;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import dev.fovea.models.vqa.ShapesVqaNet;
import dev.fovea.training.TrainedModel;
import dev.fovea.training.TrainingConfig;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Versioned models on disk: {@code ROOT/NAME/VERSION/} holds {@value #PARAMETERS_FILE} (the network parameters in
 * DJL's block format) and {@value #METADATA_FILE} ({@link ModelMetadata}; see {@code ModelMetadataJson} for the
 * format). Versions of a name count up from 1.
 *
 * <p>Atomic saves: a version is written into a hidden staging directory {@code ROOT/NAME/.staging-…} and then
 * renamed into place with {@link StandardCopyOption#ATOMIC_MOVE}, so readers see a complete version or none; a failed
 * save removes its staging directory, and listings ignore any that a killed process left behind (as they ignore
 * the hidden directories of an interrupted {@link #delete}). Fixed file names
 * (not DJL's {@code Model.save}, which adds epoch-numbered files) keep a version directory self-describing.
 *
 * <p>Thread-safe. Saves to the same root are serialised within the JVM; separate processes writing the same root
 * are not coordinated (the rename then fails rather than overwrites, but a version number may be skipped).
 */
public final class ModelStore {

    /** The parameter file in every version directory. */
    public static final String PARAMETERS_FILE = "parameters.bin";
    /** The metadata file in every version directory. */
    public static final String METADATA_FILE = "model.json";

    private static final Pattern VERSION_DIRECTORY = Pattern.compile("[1-9][0-9]{0,8}");
    private static final String STAGING_PREFIX = ".staging-";
    private static final String DELETING_PREFIX = ".deleting-";
    private static final ConcurrentMap<Path, ReentrantLock> SAVE_LOCKS = new ConcurrentHashMap<>();

    private final Path root;
    private final Consumer<Path> beforeCommit;

    /**
     * @param root the store's directory; created on the first save if missing
     */
    public ModelStore(Path root) {
        this(root, staging -> { });
    }

    /** For tests: {@code beforeCommit} sees the complete staging directory just before the rename. */
    ModelStore(Path root, Consumer<Path> beforeCommit) {
        this.root = Objects.requireNonNull(root, "root must not be null").toAbsolutePath().normalize();
        this.beforeCommit = Objects.requireNonNull(beforeCommit);
    }

    /** The store's directory. */
    public Path root() {
        return root;
    }

    /**
     * Saves a trained model as the next version of its name.
     *
     * @return the metadata written, with the assigned version
     * @throws UncheckedIOException if writing fails; no version becomes visible then
     */
    public ModelMetadata save(TrainedModel trained) {
        Objects.requireNonNull(trained, "trained must not be null");
        TrainingConfig config = trained.config();
        Path nameDirectory = root.resolve(config.name());
        ReentrantLock lock = SAVE_LOCKS.computeIfAbsent(root, r -> new ReentrantLock());
        lock.lock();
        try {
            Files.createDirectories(nameDirectory);
            int version = versionsOnDisk(config.name()).stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            ModelMetadata metadata = new ModelMetadata(config.name(), version, config.attentionKind(),
                    trained.metrics(), config.datasetSeed(), config.steps(), config.dataset(),
                    trained.createdAt());
            Path staging = nameDirectory.resolve(STAGING_PREFIX + version + "-" + UUID.randomUUID());
            try {
                Files.createDirectory(staging);
                try (FileOutputStream file = new FileOutputStream(staging.resolve(PARAMETERS_FILE).toFile());
                        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file))) {
                    trained.net().saveParameters(out);
                    out.flush();
                    file.getChannel().force(true);
                }
                try (FileOutputStream file = new FileOutputStream(staging.resolve(METADATA_FILE).toFile())) {
                    file.write(ModelMetadataJson.write(metadata).getBytes(StandardCharsets.UTF_8));
                    file.getChannel().force(true);
                }
                beforeCommit.accept(staging);
                Files.move(staging, nameDirectory.resolve(Integer.toString(version)), StandardCopyOption.ATOMIC_MOVE);
                return metadata;
            } catch (IOException | RuntimeException e) {
                deleteRecursively(staging, e);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model '" + config.name() + "' under " + root + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes one version, e.g. to roll back a save that could not be recorded elsewhere. The version disappears
     * atomically (renamed to a hidden directory, then deleted). If it was the highest version of its name, the next
     * {@link #save} reuses its number.
     *
     * @return whether the version existed
     * @throws IllegalArgumentException if the name is invalid
     * @throws UncheckedIOException     if the version cannot be removed
     */
    public boolean delete(String name, int version) {
        TrainingConfig.requireValidName(name);
        Path directory = versionDirectory(name, version);
        ReentrantLock lock = SAVE_LOCKS.computeIfAbsent(root, r -> new ReentrantLock());
        lock.lock();
        try {
            if (version < 1 || !Files.isDirectory(directory)) {
                return false;
            }
            Path doomed = root.resolve(name).resolve(DELETING_PREFIX + version + "-" + UUID.randomUUID());
            Files.move(directory, doomed, StandardCopyOption.ATOMIC_MOVE);
            IOException failure = new IOException("cannot delete " + doomed);
            deleteRecursively(doomed, failure);
            if (failure.getSuppressed().length > 0) {
                throw failure;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete model '" + name + "' version " + version + ": " + e, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * All stored versions of all names, sorted by name, then version.
     *
     * @throws UncheckedIOException if the directory cannot be read or a metadata file is corrupt
     */
    public List<ModelMetadata> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<ModelMetadata> all = new ArrayList<>();
        try (DirectoryStream<Path> names = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path name : names) {
                String n = name.getFileName().toString();
                if (TrainingConfig.NAME_PATTERN.matcher(n).matches()) {
                    for (int version : versionsOnDisk(n)) {
                        all.add(readMetadata(n, version));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list models under " + root, e);
        }
        all.sort(Comparator.comparing(ModelMetadata::name).thenComparingInt(ModelMetadata::version));
        return List.copyOf(all);
    }

    /**
     * The metadata of one version, if stored.
     *
     * @throws IllegalArgumentException if the name is invalid
     */
    public Optional<ModelMetadata> find(String name, int version) {
        TrainingConfig.requireValidName(name);
        if (version < 1 || !Files.isRegularFile(versionDirectory(name, version).resolve(METADATA_FILE))) {
            return Optional.empty();
        }
        return Optional.of(readMetadata(name, version));
    }

    /**
     * The highest stored version of a name, if any.
     *
     * @throws IllegalArgumentException if the name is invalid
     */
    public Optional<ModelMetadata> latest(String name) {
        TrainingConfig.requireValidName(name);
        return versionsOnDisk(name).stream().max(Integer::compare).map(v -> readMetadata(name, v));
    }

    /**
     * Loads one version for inference; the caller closes it.
     *
     * @throws IllegalArgumentException if the name is invalid
     * @throws ModelNotFoundException   if the version is not stored (the message lists the stored versions)
     * @throws UncheckedIOException     if the files cannot be read or are corrupt
     */
    public LoadedVqaModel load(String name, int version) {
        ModelMetadata metadata = find(name, version).orElseThrow(() -> new ModelNotFoundException(name, version,
                "no model '" + name + "' version " + version + " in " + root + " (stored versions: "
                        + (versionsOnDisk(name).isEmpty() ? "none" : versionsOnDisk(name)) + ")"));
        ShapesVqaNet net = new ShapesVqaNet(metadata.dataset(), metadata.attentionKind());
        Model model = Model.newInstance(name, Device.cpu());
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(versionDirectory(name, version).resolve(PARAMETERS_FILE))))) {
            model.setBlock(net);
            net.loadParameters(model.getNDManager(), in);
            return new LoadedVqaModel(metadata, model, net);
        } catch (IOException | MalformedModelException e) {
            model.close();
            throw new UncheckedIOException("cannot load parameters of model '" + name + "' version " + version
                    + " from " + versionDirectory(name, version) + ": " + e,
                    e instanceof IOException io ? io : new IOException(e));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private Path versionDirectory(String name, int version) {
        return root.resolve(name).resolve(Integer.toString(version));
    }

    /** Committed versions of a name: directories named by a positive number, in increasing order. */
    private List<Integer> versionsOnDisk(String name) {
        Path directory = root.resolve(name);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> VERSION_DIRECTORY.matcher(n).matches())
                    .map(Integer::valueOf)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list versions of model '" + name + "' under " + root, e);
        }
    }

    private ModelMetadata readMetadata(String name, int version) {
        Path file = versionDirectory(name, version).resolve(METADATA_FILE);
        try {
            ModelMetadata metadata = ModelMetadataJson.read(Files.readString(file, StandardCharsets.UTF_8));
            if (!metadata.name().equals(name) || metadata.version() != version) {
                throw new IllegalArgumentException("it describes '" + metadata.name() + "' version "
                        + metadata.version());
            }
            return metadata;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException("corrupt " + file + ": " + e.getMessage(), new IOException(e));
        }
    }

    private static void deleteRecursively(Path directory, Exception cause) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
