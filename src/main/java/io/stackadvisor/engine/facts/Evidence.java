package io.stackadvisor.engine.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.definition.type.ClassReactive;

/**
 * A claim that holds for the profile. Evidence rules insert one per claim; the adjustment phase may
 * demote it (small-scale defeater), which is the only change it ever sees. Class-reactive because
 * weight, anchor and strongAnchor are derived from {@code demoted}: a demotion must re-evaluate
 * every pattern on Evidence, not only those that name {@code demoted}.
 */
@ClassReactive
public final class Evidence implements TraceFact {
    private final String claim;
    private final Side side;
    private final Strength strength;
    private final String family;
    private boolean anchor;
    private boolean demotable;
    private boolean demoted;

    public Evidence(String claim, Side side, Strength strength) {
        this.claim = Objects.requireNonNull(claim);
        this.side = Objects.requireNonNull(side);
        this.strength = Objects.requireNonNull(strength);
        this.family = claim.substring(0, claim.lastIndexOf('-'));
    }

    /** Marks a claim that names a component one runtime should own (hybrid anchor). */
    public Evidence asAnchor() {
        this.anchor = true;
        return this;
    }

    /** Marks a Node.js claim that counts as weak at small scale (rules/decision/2-adjustment.drl). */
    public Evidence asDemotable() {
        this.demotable = true;
        return this;
    }

    public String getClaim() { return claim; }
    public Side getSide() { return side; }
    public Strength getStrength() { return strength; }
    public boolean isDemotable() { return demotable; }
    public boolean isDemoted() { return demoted; }

    /** The topic family the claim id names (RT-01 → RT): scoring counts the strongest claim per family. */
    public String getFamily() {
        return family;
    }

    /** Effective weight: a demoted claim counts as weak. */
    public int getWeight() {
        return demoted ? Strength.WEAK.weight() : strength.weight();
    }

    /** An anchor counts only while it weighs at least 2 (HYB-01). */
    public boolean isAnchor() {
        return anchor && getWeight() >= 2;
    }

    /** Strong and not demoted: what HYBRID confidence asks of both sides. */
    public boolean isStrongAnchor() {
        return isAnchor() && getWeight() == Strength.STRONG.weight();
    }

    public void setDemoted(boolean demoted) {
        this.demoted = demoted;
    }

    @Override
    public Map<String, Object> effect() {
        return effectAs(demoted);
    }

    @Override
    public Map<String, Object> values() {
        return valuesAs(demoted);
    }

    /** The effect as it read while the claim was (or was not) demoted: the trace is built after firing. */
    public Map<String, Object> effectAs(boolean demoted) {
        Shown shown = shown();
        return demoted ? shown.effectDemoted() : shown.effect();
    }

    /** The values as a later rule matched them while the claim was (or was not) demoted. */
    public Map<String, Object> valuesAs(boolean demoted) {
        Shown shown = shown();
        return demoted ? shown.valuesDemoted() : shown.values();
    }

    /**
     * What the trace shows of a claim depends only on what its rule inserted, never on the profile: the
     * four maps are built once per claim and shape and shared, read-only, by every evaluation.
     */
    private record Shape(String claim, Side side, Strength strength, boolean anchor) {
    }

    private record Shown(Map<String, Object> effect, Map<String, Object> effectDemoted,
                         Map<String, Object> values, Map<String, Object> valuesDemoted) {
    }

    /** Rulesets have a few hundred claims; the bound only keeps a runaway from growing the map. */
    private static final int MAX_SHAPES = 10_000;
    private static final Map<Shape, Shown> SHOWN = new ConcurrentHashMap<>();

    private Shown shown() {
        Shape shape = new Shape(claim, side, strength, anchor);
        Shown shown = SHOWN.get(shape);
        if (shown == null) {
            shown = new Shown(readOnly(shownAs(false, new LinkedHashMap<>())), readOnly(shownAs(true, new LinkedHashMap<>())),
                    readOnly(withClaim(false)), readOnly(withClaim(true)));
            if (SHOWN.size() < MAX_SHAPES) SHOWN.putIfAbsent(shape, shown);
        }
        return shown;
    }

    private Map<String, Object> withClaim(boolean demoted) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("claim", claim);
        return shownAs(demoted, values);
    }

    private static Map<String, Object> readOnly(Map<String, Object> map) {
        return Collections.unmodifiableMap(map);
    }

    private Map<String, Object> shownAs(boolean demoted, Map<String, Object> effect) {
        int weight = demoted ? Strength.WEAK.weight() : strength.weight();
        effect.put("side", side.name());
        effect.put("weight", weight);
        if (anchor && weight >= 2) effect.put("anchor", true);
        if (demoted) {
            effect.put("demoted", claim);
            effect.put("demotedFrom", strength.weight());
        }
        return effect;
    }

    @Override
    public String toString() {
        return claim + "(" + side + " " + getWeight() + ")";
    }
}
