package dev.tangent.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tangent.io.AtomicFiles;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.PeriodicEmbedding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained network as model.json (shapes, activation, layer factors, coordinates, domain, unknowns and every
 * parameter inline) plus one NumPy .npy file per weight matrix (W1.npy: n_out × n_in, row-major) and bias vector.
 * Layer l computes z = weight_scale·W·a + bias_scale·b, then the activation on every layer but the last. A system with
 * one network per field has {@code networks} (each with its layers, files prefixed by the field name) instead of
 * {@code layers}; hard constraints are listed under {@code hard_constraints} (u_f = value + distance·N_f); a periodic input
 * embedding as {@code periodic_inputs}, {@code periods} and {@code periodic_harmonics} (the first layer's inputs are then
 * the coordinates in order, each periodic x_k replaced by cos(ω_h x_k), sin(ω_h x_k), ω_h = 2πh/L_k, h = 1..K).
 */
public final class ModelExport {
    private ModelExport() {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static void write(Model model, Path dir) {
        Mlp mlp = model.network();
        double[] theta = model.parameters();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "tangent-mlp-1");
        m.put("inputs", List.of(model.coordinates()));
        Map<String, Object> domain = new LinkedHashMap<>();
        for (int k = 0; k < model.domain().dim(); k++) domain.put(model.coordinates()[k], List.of(model.domain().lo()[k], model.domain().hi()[k]));
        m.put("domain", domain);
        m.put("activation", mlp.spec().activation().label());
        m.put("shape", mlp.shape());
        m.put("output_scaling_s", mlp.spec().outputScaling());
        m.put("parameterization", mlp.spec().parameterization().label());
        m.put("step", model.step());
        m.put("unknowns", model.unknowns());
        m.put("fields", model.problem().fields());
        if (model.hard() != null) m.put("hard_constraints", hard(model.hard()));
        if (mlp.periodic() != null) {   // the first layer reads (cos, sin)(2πh/L·x_k), h = 1..K, in place of each periodic x_k
            PeriodicEmbedding pe = mlp.periodic();
            List<String> names = new ArrayList<>();
            for (int k : pe.coordinates()) names.add(model.coordinates()[k]);
            m.put("periodic_inputs", names);
            m.put("periods", pe.periods());
            m.put("periodic_harmonics", pe.harmonics());
        }
        try {
            Files.createDirectories(dir);
            if (mlp.parts() == null) {
                m.put("layers", layers(mlp, theta, 0, dir, ""));
            } else {   // one network per field: θ = [θ_1 | … | θ_F], files <field>_W1.npy …
                List<Object> nets = new ArrayList<>();
                for (int f = 0; f < mlp.fields(); f++) {
                    String field = model.problem().fields().get(f);
                    nets.add(Map.of("field", field, "layers", layers(mlp.parts()[f], theta, mlp.partOffset(f), dir, field + "_")));
                }
                m.put("networks", nets);
            }
            AtomicFiles.write(dir.resolve("model.json"), JSON.writeValueAsString(m));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** u_f = g + d·N_f per constrained field, g and d as text and in Python syntax (** for ^; functions of numpy). */
    private static List<Object> hard(dev.tangent.pde.HardConstraints h) {
        List<Object> out = new ArrayList<>();
        for (dev.tangent.pde.HardConstraint c : h.constraints()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("field", c.fieldName());
            e.put("value", c.valueText());
            e.put("distance", c.distanceText());
            e.put("value_python", c.valueText().replace(" ^ ", " ** "));
            e.put("distance_python", c.distanceText().replace(" ^ ", " ** "));
            out.add(e);
        }
        return out;
    }

    private static List<Object> layers(Mlp mlp, double[] theta, int offset, Path dir, String prefix) throws IOException {
        List<Object> layers = new ArrayList<>();
        for (int l = 0; l < mlp.layers(); l++) {
            int nIn = mlp.fanIn(l), nOut = mlp.fanOut(l);
            double[][] w = new double[nOut][nIn];
            for (int i = 0; i < nOut; i++) for (int j = 0; j < nIn; j++) w[i][j] = theta[offset + mlp.weightOffset(l) + j * nOut + i]; // θ is column-major
            double[] b = java.util.Arrays.copyOfRange(theta, offset + mlp.biasOffset(l), offset + mlp.biasOffset(l) + nOut);
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("weight_file", prefix + "W" + (l + 1) + ".npy");
            layer.put("bias_file", prefix + "b" + (l + 1) + ".npy");
            layer.put("weight_shape", List.of(nOut, nIn));
            layer.put("weight_scale", mlp.layerScale(l));
            layer.put("bias_scale", mlp.biasScale(l));
            layer.put("activation", l < mlp.layers() - 1 ? mlp.activation(l).label() : "identity");
            layer.put("weight", w);
            layer.put("bias", b);
            layers.add(layer);
            double[] flat = new double[nOut * nIn];
            for (int i = 0; i < nOut; i++) System.arraycopy(w[i], 0, flat, i * nIn, nIn);
            npy(dir.resolve(prefix + "W" + (l + 1) + ".npy"), flat, nOut, nIn);
            npy(dir.resolve(prefix + "b" + (l + 1) + ".npy"), b, nOut, -1);
        }
        return layers;
    }

    /** NumPy format 1.0: magic, header dict padded with spaces to a multiple of 64 bytes, then little-endian f8. */
    static void npy(Path file, double[] data, int rows, int cols) throws IOException {
        String shape = cols < 0 ? "(" + rows + ",)" : "(" + rows + ", " + cols + ")";
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + 8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buf.putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : data) buf.putDouble(v);
        AtomicFiles.write(file, buf.array());
    }
}
