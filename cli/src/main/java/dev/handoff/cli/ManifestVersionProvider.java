package dev.handoff.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version the shaded jar's manifest carries ({@code Implementation-Version}). */
final class ManifestVersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"handoff " + (version == null ? "(development build)" : version)};
    }
}
