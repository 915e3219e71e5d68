//! `fs.Stats` made natively, with fields that exist before they are written.
//!
//! A Stats has 18 own properties (four of them Dates). Adding them one by one costs
//! QuickJS more than the stat(2) itself, because every new object walks the shape chain
//! again; node pays a fraction of that, so `statSync` in loaders and file walkers would
//! trail it. Here a Stats is an object of its own class that carries the numbers and
//! answers for the fields through QuickJS's exotic hooks, in Node's order, enumerable,
//! writable and configurable like Node's; a Date is made when first read and kept (so
//! `s.mtime === s.mtime`). The first definition or write turns the fields into ordinary
//! properties and the object into a plain one — unless it was made non-extensible
//! (`Object.freeze`), which forbids adding them: then the hooks keep the fields' values
//! and attributes themselves.

use rquickjs::{qjs, Ctx, Object, Result, TypedArray, Value};
use std::cell::Cell;
use std::ffi::{c_int, CStr};
use unode_sys::fs::Stat;

/// Own properties of a Stats, in Node's order: ten numbers, four millisecond times, and
/// the four Dates of those times.
const FIELDS: [&CStr; 18] = [
    c"dev",
    c"mode",
    c"nlink",
    c"uid",
    c"gid",
    c"rdev",
    c"blksize",
    c"ino",
    c"size",
    c"blocks",
    c"atimeMs",
    c"mtimeMs",
    c"ctimeMs",
    c"birthtimeMs",
    c"atime",
    c"mtime",
    c"ctime",
    c"birthtime",
];
/// Fields past the numbers and times are Dates of the four times.
const NUMBERS: usize = 14;

/// The Stats class of the runtime on this thread (set by `register`).
#[derive(Clone, Copy)]
struct StatsClass {
    runtime: *mut qjs::JSRuntime,
    id: qjs::JSClassID,
    atoms: [qjs::JSAtom; FIELDS.len()],
}

thread_local! {
    static CLASS: Cell<Option<StatsClass>> = const { Cell::new(None) };
}

/// What a Stats carries while its fields are still virtual.
struct StatsData {
    numbers: [f64; NUMBERS],
    materialized: Cell<bool>,
    /// Per field: its configurable/writable/enumerable bits, or [`DELETED`].
    attributes: [Cell<u8>; FIELDS.len()],
    /// Per field: the value in place of the computed one (a Date once made, a value
    /// defined while the object could not be made plain), or JS_UNINITIALIZED.
    values: [Cell<qjs::JSValue>; FIELDS.len()],
}

/// The attributes of a deleted field.
const DELETED: u8 = 0x80;

static EXOTIC: qjs::JSClassExoticMethods = qjs::JSClassExoticMethods {
    get_own_property: Some(get_own_property),
    get_own_property_names: Some(get_own_property_names),
    delete_property: Some(delete_property),
    define_own_property: Some(define_own_property),
    has_property: None,
    get_property: None,
    set_property: None,
};

/// Makes `proto` (lib/internal/fs/utils.js's `Stats.prototype`) the prototype of native
/// Stats, registering the class with this thread's runtime the first time.
pub(super) fn register<'js>(ctx: &Ctx<'js>, proto: Object<'js>) -> Result<()> {
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: `raw` is the live context of this call; the class definition's name and
    // exotic table are statics, as QuickJS keeps pointers to them; JS_SetClassProto takes
    // the duplicated prototype over.
    unsafe {
        let runtime = qjs::JS_GetRuntime(raw);
        let class = match CLASS.get() {
            Some(class) if class.runtime == runtime => class,
            _ => {
                let mut id = 0;
                qjs::JS_NewClassID(runtime, &mut id);
                let def = qjs::JSClassDef {
                    class_name: c"Stats".as_ptr(),
                    finalizer: Some(finalize),
                    gc_mark: Some(mark),
                    call: None,
                    exotic: &EXOTIC as *const _ as *mut _,
                };
                if qjs::JS_NewClass(runtime, id, &def) < 0 {
                    return Err(rquickjs::Error::Exception);
                }
                let mut atoms = [0; FIELDS.len()];
                for (atom, name) in atoms.iter_mut().zip(FIELDS) {
                    *atom = qjs::JS_NewAtom(raw, name.as_ptr());
                }
                let class = StatsClass { runtime, id, atoms };
                CLASS.set(Some(class));
                class
            }
        };
        qjs::JS_SetClassProto(raw, class.id, qjs::JS_DupValue(raw, proto.as_raw()));
    }
    Ok(())
}

/// A Stats of `st`.
pub(super) fn from_stat<'js>(ctx: &Ctx<'js>, st: &Stat) -> Result<Value<'js>> {
    let ms = |sec: i64, nsec: i64| sec as f64 * 1000.0 + nsec as f64 / 1_000_000.0;
    let [dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks] = integers(st);
    new_stats(
        ctx,
        [
            dev,
            mode,
            nlink,
            uid,
            gid,
            rdev,
            blksize,
            ino,
            size,
            blocks,
            ms(st.atime, st.atime_nsec),
            ms(st.mtime, st.mtime_nsec),
            ms(st.ctime, st.ctime_nsec),
            ms(st.birthtime, st.birthtime_nsec),
        ],
    )
}

/// A Stats of the raw fields of [`stat_array`] (the callback and promise calls).
pub(super) fn from_array<'js>(ctx: Ctx<'js>, raw: Value<'js>) -> Result<Value<'js>> {
    let fields = match crate::engine::bytes_of(&ctx, &raw) {
        Some((ptr, len)) if len == 18 * 8 => {
            let mut fields = [0.0; 18];
            for (i, field) in fields.iter_mut().enumerate() {
                // SAFETY: the 144 bytes at ptr are the array's, alive while `raw` is.
                *field = unsafe { ptr.cast::<f64>().add(i).read_unaligned() };
            }
            fields
        }
        _ => {
            return Err(rquickjs::Exception::throw_type(
                &ctx,
                "stat fields: a Float64Array of 18 expected",
            ))
        }
    };
    let mut numbers = [0.0; NUMBERS];
    numbers[..10].copy_from_slice(&fields[..10]);
    for (i, time) in numbers[10..].iter_mut().enumerate() {
        *time = fields[10 + 2 * i] * 1000.0 + fields[11 + 2 * i] / 1_000_000.0;
    }
    new_stats(&ctx, numbers)
}

/// The integer Stats fields, in Node's order.
fn integers(st: &Stat) -> [f64; 10] {
    [
        st.dev as f64,
        st.mode as f64,
        st.nlink as f64,
        st.uid as f64,
        st.gid as f64,
        st.rdev as f64,
        st.blksize as f64,
        st.ino as f64,
        st.size as f64,
        st.blocks as f64,
    ]
}

/// Stat fields in Node's order (see lib/internal/fs/utils.js): the integers, then seconds
/// and nanoseconds of each time — what bigint Stats are made from.
pub(super) fn stat_array<'js>(ctx: &Ctx<'js>, st: &Stat) -> Result<TypedArray<'js, f64>> {
    let mut f = integers(st).to_vec();
    f.extend([
        st.atime as f64,
        st.atime_nsec as f64,
        st.mtime as f64,
        st.mtime_nsec as f64,
        st.ctime as f64,
        st.ctime_nsec as f64,
        st.birthtime as f64,
        st.birthtime_nsec as f64,
    ]);
    TypedArray::new(ctx.clone(), f)
}

fn new_stats<'js>(ctx: &Ctx<'js>, numbers: [f64; NUMBERS]) -> Result<Value<'js>> {
    let Some(class) = CLASS.get() else {
        return Err(rquickjs::Exception::throw_internal(
            ctx,
            "fs.Stats is not registered",
        ));
    };
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: the class was registered with this context's runtime by `register`; the
    // object owns the boxed data from JS_SetOpaque on and frees it in `finalize`.
    unsafe {
        let obj = qjs::JS_NewObjectClass(raw, class.id);
        if qjs::JS_IsException(obj) {
            return Err(rquickjs::Error::Exception);
        }
        let data = Box::new(StatsData {
            numbers,
            materialized: Cell::new(false),
            attributes: std::array::from_fn(|_| Cell::new(qjs::JS_PROP_C_W_E as u8)),
            values: std::array::from_fn(|_| Cell::new(qjs::JS_UNINITIALIZED)),
        });
        qjs::JS_SetOpaque(obj, Box::into_raw(data).cast());
        Ok(Value::from_raw(ctx.clone(), obj))
    }
}

/// The class and data of a Stats object.
///
/// # Safety
/// `obj` must be a live value of the runtime on this thread.
unsafe fn stats_of<'a>(obj: qjs::JSValue) -> Option<(StatsClass, &'a StatsData)> {
    let class = CLASS.get()?;
    // SAFETY: an opaque of this class is always a StatsData boxed by `new_stats`, alive
    // until the object is finalized (and `obj` is alive for the caller).
    unsafe {
        let data = qjs::JS_GetOpaque(obj, class.id) as *const StatsData;
        data.as_ref().map(|d| (class, d))
    }
}

/// Field `i` of `data` as a new reference.
///
/// # Safety
/// `ctx` must be the live context of the object that owns `data`.
unsafe fn field_value(ctx: *mut qjs::JSContext, data: &StatsData, i: usize) -> qjs::JSValue {
    // SAFETY: ctx is live (the caller's contract); a kept value is owned by `data`, and
    // what is returned is a new reference to it.
    unsafe {
        let kept = data.values[i].get();
        if !qjs::JS_IsUninitialized(kept) {
            return qjs::JS_DupValue(ctx, kept);
        }
        if i < NUMBERS {
            return qjs::JS_NewNumber(ctx, data.numbers[i]);
        }
        // Node's Dates are of the millisecond times, rounded.
        let date = qjs::JS_NewDate(ctx, data.numbers[i - 4].round());
        if !qjs::JS_IsException(date) {
            data.values[i].set(qjs::JS_DupValue(ctx, date));
        }
        date
    }
}

/// Replaces field `i`'s kept value (None: back to none).
///
/// # Safety
/// `ctx` must be the live context of the object that owns `data`; `value` is taken over.
unsafe fn keep(ctx: *mut qjs::JSContext, data: &StatsData, i: usize, value: Option<qjs::JSValue>) {
    let old = data.values[i].replace(value.unwrap_or(qjs::JS_UNINITIALIZED));
    // SAFETY: `old` was owned by `data` (freeing JS_UNINITIALIZED does nothing).
    unsafe { qjs::JS_FreeValue(ctx, old) };
}

/// Turns the fields into ordinary properties, in order; the hooks answer nothing from
/// then on. Only for an extensible object.
///
/// # Safety
/// `ctx` and `obj` must be live, `obj` a Stats whose data is `data`.
unsafe fn materialize(
    ctx: *mut qjs::JSContext,
    obj: qjs::JSValue,
    class: &StatsClass,
    data: &StatsData,
) -> c_int {
    if data.materialized.replace(true) {
        return 0;
    }
    for (i, &atom) in class.atoms.iter().enumerate() {
        let attributes = data.attributes[i].get();
        if attributes == DELETED {
            continue;
        }
        // SAFETY: the value is owned and consumed by JS_DefinePropertyValue; NO_EXOTIC
        // keeps the definition from coming back to `define_own_property`.
        let r = unsafe {
            let value = field_value(ctx, data, i);
            keep(ctx, data, i, None);
            qjs::JS_DefinePropertyValue(
                ctx,
                obj,
                atom,
                value,
                attributes as c_int | qjs::JS_PROP_NO_EXOTIC as c_int,
            )
        };
        if r < 0 {
            return -1;
        }
    }
    0
}

/// Applies a definition to field `i` of a non-extensible Stats, as
/// ValidateAndApplyPropertyDescriptor does for a data property.
///
/// # Safety
/// `ctx` must be the live context of the object that owns `data`; `val` is borrowed.
unsafe fn define_field(
    ctx: *mut qjs::JSContext,
    data: &StatsData,
    i: usize,
    val: qjs::JSValue,
    flags: c_int,
) -> c_int {
    use qjs::{
        JS_PROP_CONFIGURABLE as C, JS_PROP_ENUMERABLE as E, JS_PROP_HAS_CONFIGURABLE as HAS_C,
        JS_PROP_HAS_ENUMERABLE as HAS_E, JS_PROP_HAS_GET as HAS_GET, JS_PROP_HAS_SET as HAS_SET,
        JS_PROP_HAS_VALUE as HAS_VALUE, JS_PROP_HAS_WRITABLE as HAS_W, JS_PROP_WRITABLE as W,
    };
    let flags = flags as u32;
    let current = data.attributes[i].get();
    let reject = |message: &CStr| -> c_int {
        if flags & qjs::JS_PROP_THROW != 0 {
            // SAFETY: ctx is live; the message has no format directives.
            unsafe { qjs::JS_ThrowTypeError(ctx, message.as_ptr()) };
            return -1;
        }
        0
    };
    if current == DELETED {
        return reject(c"object is not extensible");
    }
    let current = current as u32;
    // An accessor cannot be kept here; Node's fields are data properties.
    if flags & (HAS_GET | HAS_SET) != 0 {
        return reject(c"property is not configurable");
    }
    if current & C == 0 {
        let enumerable_changes = flags & HAS_E != 0 && (flags & E) != (current & E);
        let made_configurable = flags & HAS_C != 0 && flags & C != 0;
        if made_configurable || enumerable_changes {
            return reject(c"property is not configurable");
        }
        if current & W == 0 {
            if flags & HAS_W != 0 && flags & W != 0 {
                return reject(c"property is not configurable");
            }
            if flags & HAS_VALUE != 0 {
                // SAFETY: ctx is live; the field's value is a new reference, freed here.
                let same = unsafe {
                    let old = field_value(ctx, data, i);
                    let same = qjs::JS_IsSameValue(ctx, val, old);
                    qjs::JS_FreeValue(ctx, old);
                    same
                };
                if !same {
                    return reject(c"property is read-only");
                }
            }
        }
    }
    let mut attributes = current;
    for (has, bit) in [(HAS_C, C), (HAS_W, W), (HAS_E, E)] {
        if flags & has != 0 {
            attributes = (attributes & !bit) | (flags & bit);
        }
    }
    data.attributes[i].set(attributes as u8);
    if flags & HAS_VALUE != 0 {
        // SAFETY: ctx is live; the kept value is a new reference.
        unsafe { keep(ctx, data, i, Some(qjs::JS_DupValue(ctx, val))) };
    }
    1
}

/// The data, index and attributes of field `prop` of a Stats whose fields are still
/// virtual, if `prop` is one of them and not deleted.
///
/// # Safety
/// `obj` must be a live value of the runtime on this thread.
unsafe fn virtual_field<'a>(
    obj: qjs::JSValue,
    prop: qjs::JSAtom,
) -> Option<(&'a StatsData, usize, u8)> {
    // SAFETY: the caller's contract.
    let (class, data) = unsafe { stats_of(obj) }?;
    if data.materialized.get() {
        return None;
    }
    let i = class.atoms.iter().position(|&a| a == prop)?;
    let attributes = data.attributes[i].get();
    (attributes != DELETED).then_some((data, i, attributes))
}

unsafe extern "C" fn get_own_property(
    ctx: *mut qjs::JSContext,
    desc: *mut qjs::JSPropertyDescriptor,
    obj: qjs::JSValue,
    prop: qjs::JSAtom,
) -> c_int {
    // SAFETY: QuickJS calls this with a live context and object of this class; `desc`
    // is null or points to a descriptor for us to fill (values owned by the caller).
    unsafe {
        let Some((data, i, attributes)) = virtual_field(obj, prop) else {
            return 0;
        };
        if let Some(desc) = desc.as_mut() {
            let value = field_value(ctx, data, i);
            if qjs::JS_IsException(value) {
                return -1;
            }
            desc.flags = attributes as c_int;
            desc.value = value;
            desc.getter = qjs::JS_UNDEFINED;
            desc.setter = qjs::JS_UNDEFINED;
        }
        1
    }
}

unsafe extern "C" fn get_own_property_names(
    ctx: *mut qjs::JSContext,
    ptab: *mut *mut qjs::JSPropertyEnum,
    plen: *mut u32,
    obj: qjs::JSValue,
) -> c_int {
    // SAFETY: QuickJS passes live pointers and frees the table (and its atoms) we return,
    // which is why the table comes from js_malloc and each atom is duplicated.
    unsafe {
        *ptab = std::ptr::null_mut();
        *plen = 0;
        let Some((class, data)) = stats_of(obj) else {
            return 0;
        };
        if data.materialized.get() {
            return 0;
        }
        let size = std::mem::size_of::<qjs::JSPropertyEnum>() * FIELDS.len();
        let tab = qjs::js_malloc(ctx, size as _) as *mut qjs::JSPropertyEnum;
        if tab.is_null() {
            return -1;
        }
        let mut len = 0;
        for (i, &atom) in class.atoms.iter().enumerate() {
            let attributes = data.attributes[i].get();
            if attributes == DELETED {
                continue;
            }
            tab.add(len).write(qjs::JSPropertyEnum {
                is_enumerable: attributes as u32 & qjs::JS_PROP_ENUMERABLE != 0,
                atom: qjs::JS_DupAtom(ctx, atom),
            });
            len += 1;
        }
        *ptab = tab;
        *plen = len as u32;
        0
    }
}

unsafe extern "C" fn define_own_property(
    ctx: *mut qjs::JSContext,
    obj: qjs::JSValue,
    prop: qjs::JSAtom,
    val: qjs::JSValue,
    getter: qjs::JSValue,
    setter: qjs::JSValue,
    flags: c_int,
) -> c_int {
    // SAFETY: QuickJS calls this with live values it keeps owning; after materializing,
    // NO_EXOTIC makes this an ordinary definition (which fails as it should on a
    // non-extensible object when `prop` is new).
    unsafe {
        if let Some((class, data)) = stats_of(obj) {
            if !data.materialized.get() {
                match qjs::JS_IsExtensible(ctx, obj) {
                    r if r < 0 => return -1,
                    0 => {
                        if let Some(i) = class.atoms.iter().position(|&a| a == prop) {
                            return define_field(ctx, data, i, val, flags);
                        }
                    }
                    _ => {
                        if materialize(ctx, obj, &class, data) < 0 {
                            return -1;
                        }
                    }
                }
            }
        }
        qjs::JS_DefineProperty(
            ctx,
            obj,
            prop,
            val,
            getter,
            setter,
            flags | qjs::JS_PROP_NO_EXOTIC as c_int,
        )
    }
}

unsafe extern "C" fn delete_property(
    ctx: *mut qjs::JSContext,
    obj: qjs::JSValue,
    prop: qjs::JSAtom,
) -> c_int {
    // SAFETY: QuickJS calls this with a live context and object of this class.
    unsafe {
        let Some((data, i, attributes)) = virtual_field(obj, prop) else {
            return 1;
        };
        if attributes as u32 & qjs::JS_PROP_CONFIGURABLE == 0 {
            return 0;
        }
        data.attributes[i].set(DELETED);
        keep(ctx, data, i, None);
        1
    }
}

unsafe extern "C" fn mark(
    runtime: *mut qjs::JSRuntime,
    obj: qjs::JSValue,
    mark_func: qjs::JS_MarkFunc,
) {
    // SAFETY: called by the collector on a live Stats; the kept values are its own.
    unsafe {
        if let Some((_, data)) = stats_of(obj) {
            for value in &data.values {
                qjs::JS_MarkValue(runtime, value.get(), mark_func);
            }
        }
    }
}

unsafe extern "C" fn finalize(runtime: *mut qjs::JSRuntime, obj: qjs::JSValue) {
    // SAFETY: the opaque was boxed by `new_stats` and is freed only here, once, with the
    // values it kept.
    unsafe {
        if let Some((_, data)) = stats_of(obj) {
            for value in &data.values {
                qjs::JS_FreeValueRT(runtime, value.get());
            }
            drop(Box::from_raw(data as *const StatsData as *mut StatsData));
        }
    }
}
