package dev.fovea.serving.ops;

import dev.fovea.alignment.dtw.Window;
import dev.fovea.serving.problem.InvalidRequestException;
import dev.fovea.serving.request.JsonRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code "window"} field shared by the alignment ops ({@code alignment/dtw}, {@code alignment/soft-dtw}): its
 * syntax, and where a kernel's window error lands.
 *
 * <p>Syntax: absent or {@code {"type":"none"}}; {@code {"type":"sakoe-chiba","radiusCells":r}} for
 * \( |i - j| \le r \); {@code {"type":"itakura","maxSlope":s}}; {@code {"type":"mask","mask":[[true,false,…],…]}}
 * with an n × m boolean matrix, cell (i, j) admissible iff {@code mask[i][j]} (semantics of {@link Window}).
 * Errors: an unknown type on {@code window.type}, a missing or bad parameter on {@code window.radiusCells},
 * {@code window.maxSlope} or {@code window.mask[…]}; a window that admits no path for the lengths on
 * {@code window}, or on {@code window.mask} for a mask.
 */
final class WindowField {

    private WindowField() {
    }

    /** The window of {@code request}, {@link Window#none()} when the field is absent. */
    static Window read(JsonRequest request) {
        if (!request.has("window")) {
            return Window.none();
        }
        JsonRequest window = request.object("window");
        String type = window.string("type");
        return switch (type) {
            case "none" -> Window.none();
            case "sakoe-chiba" -> {
                window.required("radiusCells");
                yield Window.sakoeChiba((int) window.integer("radiusCells", 0, 0, Integer.MAX_VALUE));
            }
            case "itakura" -> Window.itakura(window.number("maxSlope"));
            case "mask" -> Window.mask(window.booleanMatrix("mask"));
            default -> throw new InvalidRequestException("window.type",
                    "window.type must be none, sakoe-chiba, itakura or mask, got " + type);
        };
    }

    /**
     * The op's own kernel arguments plus the window's: {@code window}, {@code radiusCells}, {@code maxSlope},
     * {@code mask}. With a mask, the window's errors (wrong shape, no admissible path) are the mask's.
     *
     * @param opArguments kernel argument name → JSON field, for the op's other arguments
     * @param mask        whether the request's window is a mask
     */
    static KernelArguments arguments(Map<String, String> opArguments, boolean mask) {
        Map<String, String> all = new HashMap<>(opArguments);
        if (mask) {
            all.put("window", "window.mask");
        } else {
            all.put("window", "window");
            all.put("radiusCells", "window.radiusCells");
            all.put("maxSlope", "window.maxSlope");
        }
        all.put("mask", "window.mask");
        return new KernelArguments(all, "body");
    }
}
