package io.stackadvisor.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * A rules folder together with its compiled packages (Drools' own serialisation: the rules, what the
 * networks are built from and the consequences' compiled classes). Reading it back builds the same
 * KieBase without parsing or compiling the DRL. It is valid only for the build that wrote it (the fact
 * classes and the Drools version), which is why the build writes it into the jar beside the gate's
 * result, and nothing else keeps it.
 */
public final class CompiledRules {
    private static final int FORMAT = 3;

    /** The folder, a KieBase built from its packages, and its rules as the gate read them from the DRL. */
    public record Loaded(RulesFiles files, KieBase kieBase, List<RuleDescriptor> rules) {
    }

    private CompiledRules() {
    }

    /**
     * A folder, the KieBase compiled from it and its rules as read from the DRL, as bytes. Keeping the
     * rules' descriptions spares a start parsing the DRL a second time just to read them.
     */
    public static byte[] write(RulesFiles files, KieBase kieBase, Collection<RuleDescriptor> rules) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeUTF(files.version());
            byte[] zip = files.zip();
            out.writeInt(zip.length);
            out.write(zip);
            DroolsObjectOutputStream objects = new DroolsObjectOutputStream((OutputStream) out);
            objects.writeObject(new ArrayList<>(kieBase.getKiePackages()));
            objects.writeObject(new ArrayList<>(rules));
            objects.flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the compiled rules of " + files.version(), e);
        }
        return bytes.toByteArray();
    }

    /** The version a compiled form belongs to, read from its header only. */
    public static String versionOf(byte[] form) throws IOException {
        try (DataInputStream in = open(form)) {
            return in.readUTF();
        }
    }

    /** The folder and a new KieBase (each call builds its own). */
    @SuppressWarnings("unchecked")
    public static Loaded read(byte[] form) throws IOException {
        try (DataInputStream in = open(form)) {
            String version = in.readUTF();
            RulesFiles files = RulesFiles.unzip(in.readNBytes(in.readInt()));
            if (!files.version().equals(version)) throw new IOException("the compiled form's folder is not version " + version);
            Collection<KiePackage> packages;
            List<RuleDescriptor> rules;
            try (DroolsObjectInputStream objects = new DroolsObjectInputStream((InputStream) in, CompiledRules.class.getClassLoader())) {
                packages = (Collection<KiePackage>) objects.readObject();
                rules = List.copyOf((Collection<RuleDescriptor>) objects.readObject());
            } catch (ClassNotFoundException e) {
                throw new IOException("the compiled rules refer to a class this build does not have: " + e.getMessage(), e);
            }
            return new Loaded(files, DroolsOptions.kieBaseOf(packages), rules);
        } catch (RulesetException e) {
            throw new IOException("the compiled form's folder does not read: " + e.problems(), e);
        }
    }

    private static DataInputStream open(byte[] form) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(form), 1 << 16));
        if (in.readInt() != FORMAT) {
            in.close();
            throw new IOException("not a compiled rules form this build reads");
        }
        return in;
    }
}
