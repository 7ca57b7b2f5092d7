package org.ecgleadlab.data.synthetic;

/**
 * A vector in body coordinates: x towards the patient's left, y towards the feet (inferior), z towards the
 * front (anterior). Frontal-plane angles follow the hexaxial convention (0° = lead I, +90° = aVF).
 */
record Vec3(double x, double y, double z) {

    /** A unit vector at {@code frontalDeg} in the frontal plane, tilted {@code anterior} (-1..1) forwards. */
    static Vec3 frontal(double frontalDeg, double anterior) {
        double a = Math.toRadians(frontalDeg);
        return new Vec3(StrictMath.cos(a), StrictMath.sin(a), anterior).unit();
    }

    /** A unit vector at {@code horizontalDeg} in the horizontal plane (0° = left, +90° = anterior). */
    static Vec3 horizontal(double horizontalDeg) {
        double a = Math.toRadians(horizontalDeg);
        return new Vec3(StrictMath.cos(a), 0, StrictMath.sin(a));
    }

    double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    double norm() {
        return StrictMath.sqrt(dot(this));
    }

    Vec3 unit() {
        double n = norm();
        return new Vec3(x / n, y / n, z / n);
    }

    /** Rotation in the frontal plane (about the antero-posterior axis), positive towards the feet. */
    Vec3 rotateFrontal(double deg) {
        double a = Math.toRadians(deg);
        double c = StrictMath.cos(a);
        double s = StrictMath.sin(a);
        return new Vec3(c * x - s * y, s * x + c * y, z);
    }

    /** Rotation in the horizontal plane (about the vertical axis), positive towards anterior. */
    Vec3 rotateHorizontal(double deg) {
        double a = Math.toRadians(deg);
        double c = StrictMath.cos(a);
        double s = StrictMath.sin(a);
        return new Vec3(c * x - s * z, y, s * x + c * z);
    }
}
