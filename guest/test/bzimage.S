/* A bzImage-format test kernel of our own: a setup header as the x86 boot protocol
 * (version 2.15) lays it out, then a protected-mode part whose 64-bit entry (at +0x200)
 * the VMM enters in long mode with %rsi pointing at the zero page (boot_params). It
 * reports on COM1 what the VMM handed over (loader type, command line, initrd, e820
 * table), writes the boot timer and exit code 64 to the exit device, and halts.
 * Assembled, then flattened with objcopy -O binary. */
	.code64
	.set COM1, 0x3f8
	.set EXIT_DEVICE, 0xc0000000
	.set SETUP_SECTS, 1

	.section .text
	.org	0x1f1
	.byte	SETUP_SECTS		/* setup_sects */
	.word	0			/* root_flags */
	.long	0			/* syssize */
	.word	0			/* ram_size */
	.word	0			/* vid_mode */
	.word	0			/* root_dev */
	.word	0xaa55			/* boot_flag (0x1fe) */
	.byte	0xeb, header_end - header /* jump over the header (0x200) */
header:	.ascii	"HdrS"			/* header (0x202) */
	.word	0x020f			/* version */
	.long	0			/* realmode_swtch */
	.word	0			/* start_sys_seg */
	.word	0			/* kernel_version */
	.byte	0			/* type_of_loader (0x210) */
	.byte	0x01			/* loadflags: LOADED_HIGH */
	.word	0			/* setup_move_size */
	.long	0x100000		/* code32_start (0x214) */
	.long	0			/* ramdisk_image */
	.long	0			/* ramdisk_size */
	.long	0			/* bootsect_kludge */
	.word	0			/* heap_end_ptr */
	.byte	0			/* ext_loader_ver */
	.byte	0			/* ext_loader_type */
	.long	0			/* cmd_line_ptr (0x228) */
	.long	0x7fffffff		/* initrd_addr_max */
	.long	0x200000		/* kernel_alignment */
	.byte	0			/* relocatable_kernel */
	.byte	0			/* min_alignment */
	.word	0x0001			/* xloadflags: XLF_KERNEL_64 */
	.long	255			/* cmdline_size */
header_end:

	/* The protected-mode part: loaded at code32_start, 64-bit entry 0x200 into it. */
	.org	(SETUP_SECTS + 1) * 512
pm_start:
	hlt				/* the 32-bit entry: not used by this test kernel */
	.org	pm_start + 0x200
startup_64:
	mov	$0x90000, %rsp
	mov	%rsi, %rbp
	mov	$EXIT_DEVICE, %eax
	movb	$123, (%rax)		/* boot timer */

	lea	s_loader(%rip), %rdi
	call	puts
	movzbl	0x210(%rbp), %eax	/* type_of_loader */
	mov	$2, %ecx
	call	hex
	call	newline

	lea	s_cmdline(%rip), %rdi
	call	puts
	mov	0x228(%rbp), %edi	/* cmd_line_ptr */
	call	puts
	call	newline

	mov	0x21c(%rbp), %eax	/* ramdisk_size */
	test	%eax, %eax
	jz	e820
	lea	s_initrd(%rip), %rdi
	call	puts
	mov	0x218(%rbp), %eax	/* ramdisk_image */
	mov	$16, %ecx
	call	hex
	call	space
	mov	0x21c(%rbp), %eax
	call	hex
	call	newline
	lea	s_initrd_text(%rip), %rdi
	call	puts
	mov	0x218(%rbp), %edi
	call	puts
	call	newline

e820:
	movzbl	0x1e8(%rbp), %ebx	/* e820_entries */
	lea	0x2d0(%rbp), %r12	/* e820_table: 20-byte entries */
1:	test	%ebx, %ebx
	jz	done
	lea	s_e820(%rip), %rdi
	call	puts
	mov	$16, %ecx
	mov	(%r12), %rax
	call	hex
	call	space
	mov	8(%r12), %rax
	call	hex
	call	space
	mov	16(%r12), %eax
	add	$'0', %al
	call	putc
	call	newline
	add	$20, %r12
	dec	%ebx
	jmp	1b

done:
	mov	$EXIT_DEVICE, %eax
	movl	$64, 4(%rax)
	hlt

/* putc: %al to COM1 once its transmitter is empty. */
putc:
	push	%rdx
	push	%rax
	mov	$COM1 + 5, %dx
1:	in	%dx, %al
	test	$0x20, %al
	jz	1b
	pop	%rax
	mov	$COM1, %dx
	out	%al, %dx
	pop	%rdx
	ret

/* puts: the NUL-terminated string at %rdi. */
puts:
	push	%rsi
	push	%rax
	mov	%rdi, %rsi
1:	lodsb
	test	%al, %al
	jz	2f
	call	putc
	jmp	1b
2:	pop	%rax
	pop	%rsi
	ret

/* hex: the low %ecx nibbles of %rax as hex digits. */
hex:
	push	%rcx
	push	%rdx
	push	%rsi
	push	%rax
	mov	%rax, %rdx
	mov	%ecx, %eax
	shl	$2, %eax
	neg	%eax
	add	$64, %eax
	xchg	%eax, %ecx
	shl	%cl, %rdx		/* the wanted nibbles to the top */
	mov	%eax, %ecx
	lea	hexdigits(%rip), %rsi
1:	rol	$4, %rdx
	mov	%edx, %eax
	and	$0xf, %eax
	mov	(%rsi,%rax), %al
	call	putc
	loop	1b
	pop	%rax
	pop	%rsi
	pop	%rdx
	pop	%rcx
	ret

space:
	push	%rax
	mov	$' ', %al
	call	putc
	pop	%rax
	ret

newline:
	push	%rax
	mov	$'\n', %al
	call	putc
	pop	%rax
	ret

hexdigits:	.ascii "0123456789abcdef"
s_loader:	.asciz "bzImage: type_of_loader "
s_cmdline:	.asciz "cmdline: "
s_initrd:	.asciz "initrd: "
s_initrd_text:	.asciz "initrd text: "
s_e820:		.asciz "e820: "
