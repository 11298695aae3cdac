package dev.lambdaconsole.app.cost;

import dev.lambdaconsole.runtime.pricing.LambdaPricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How the console words a price estimate: the amount with "≈", and always which price table it comes from
 * ("estimate, US East (N. Virginia) prices of 2026-08-01").
 */
public final class CostText {
    private CostText() { }

    /** "estimate, US East (N. Virginia) prices of 2026-08-01". */
    public static String estimate(LambdaPricing pricing) {
        return "estimate, " + pricing.region() + " prices of " + pricing.date();
    }

    /** "≈ $0.000002083 — estimate, US East (N. Virginia) prices of 2026-08-01". */
    public static String invocation(LambdaPricing pricing, LambdaPricing.Estimate e) {
        return "≈ " + LambdaPricing.usd(e.totalUsd()) + " — " + estimate(pricing);
    }

    /** "0.125 GB-s: duration $0.000002083 + request $0.0000002 + ephemeral storage $0". */
    public static String breakdown(LambdaPricing.Estimate e) {
        return gbSeconds(e.gbSeconds()) + ": duration " + LambdaPricing.usd(e.computeUsd()) + " + request "
                + LambdaPricing.usd(e.requestUsd()) + " + ephemeral storage " + LambdaPricing.usd(e.ephemeralUsd());
    }

    /** GB-seconds for people: "0.0125 GB-s" (four significant digits below one), "1,234.57 GB-s", "0 GB-s". */
    public static String gbSeconds(double gbSeconds) {
        return number(gbSeconds) + " GB-s";
    }

    /** A positive quantity: four significant digits below one, else grouped with two decimals at most. */
    public static String number(double value) {
        if (value == 0) return "0";
        if (Math.abs(value) < 1) {
            return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%,.2f", value);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s;
    }
}
